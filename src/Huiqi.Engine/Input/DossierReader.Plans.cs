using Huiqi.Engine.Model;

namespace Huiqi.Engine.Input;

public static partial class DossierReader
{
    /// <summary>The dossier both readings build once every field has passed.</summary>
    private static Dossier NewDossier(
        string uscc, string name, string district, IReadOnlySet<string> traits, IReadOnlyList<string> sectors, DateOnly? relocatedOn, FigureTable figures,
        IReadOnlyList<Ranking> rankings, IReadOnlyList<Honor> honors, IReadOnlyList<Project> projects, IReadOnlyList<Spending> spending,
        IReadOnlyList<Procurement> procurement, IReadOnlyList<PatentProduct> patentProducts, IReadOnlyList<Premises> premises,
        IReadOnlyList<Training> training, IReadOnlyList<Grant> grants) => new()
        {
            Uscc = uscc,
            Name = name,
            District = district,
            Traits = traits,
            Sectors = sectors,
            RelocatedOn = relocatedOn,
            Figures = figures,
            Rankings = rankings,
            Honors = honors,
            Projects = projects,
            Spending = spending,
            Procurement = procurement,
            PatentProducts = patentProducts,
            Premises = premises,
            Training = training,
            Grants = grants,
        };

    /// <summary>How both readings read the items of one section: its fields by index, with what each is checked against.</summary>
    private abstract class Plan
    {
        protected Plan(FactSection section, int slot)
        {
            Slot = slot;
            Fields = [.. section.Fields];
            Known = new Words(Fields.Select(f => f.Name));
            ReadOrder = section.ReadOrder;
            Vocabularies = [.. Fields.Select(f => f.Vocabulary is { } words ? VocabularyOf(words) : null)];
            Inner = [.. Fields.Select(f => f.Inner is { } inner ? new Words([inner]) : null)];
            Signs = [.. Fields.Select(f => f.Kind switch
            {
                FieldKind.Area => Sign.Area,
                FieldKind.Rate => Sign.Rate,
                FieldKind.Money or FieldKind.Series or FieldKind.YearSeries => Sign.Money,
                _ => Sign.Any,
            })];
            Required = [.. Enumerable.Range(0, Fields.Length).Where(i => Fields[i].Required)];
            Distinct = Array.FindIndex(Fields, f => f.Distinct);
        }

        /// <summary>This plan's place in a reader's scratch.</summary>
        public int Slot { get; }

        public FactField[] Fields { get; }

        public Words Known { get; }

        public int[] ReadOrder { get; }

        public Words?[] Vocabularies { get; }

        /// <summary>The one name inside a series field's object (a project's <c>figures</c> holds <c>investment</c>).</summary>
        public Words?[] Inner { get; }

        public Sign[] Signs { get; }

        public int[] Required { get; }

        /// <summary>The field two items may not share, or −1.</summary>
        public int Distinct { get; }
    }

    private sealed class Plan<T>(FactSection<T> section, int slot) : Plan(section, slot)
        where T : class
    {
        public FactSection<T> Section { get; } = section;
    }
}
