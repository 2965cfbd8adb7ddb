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
}
