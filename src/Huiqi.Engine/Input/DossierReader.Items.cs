using System.Collections.Frozen;
using System.Text.Json;
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

    /// <summary>A patent product's yearly sales by year, as the model holds them.</summary>
    private static Dictionary<int, decimal> ByYear(IReadOnlyDictionary<Period, decimal>? sales)
    {
        var byYear = new Dictionary<int, decimal>(sales?.Count ?? 0);
        if (sales is not null)
        {
            foreach (var (period, value) in sales)
            {
                byYear[period.Year] = value;
            }
        }

        return byYear;
    }

    /// <summary>A project's fields as read, both readings build the record from.</summary>
    private struct ProjectItem
    {
        public string? Id;
        public string? Kind;
        public bool? Sei;
        public bool? Major;
        public decimal? TotalInvestment;
        public decimal? EquipmentInvestment;
        public decimal? BenefitRate;
        public DateOnly? CompletedOn;
        public DateOnly? ReachedOutputOn;
        public DateOnly? EnteredLibraryOn;
        public IReadOnlyDictionary<Period, decimal>? Investment;
        public DateOnly? SignedOn;
        public DateOnly? StartedOn;
        public decimal? ContractInvestment;

        public readonly Project? Build() => Id is not null && Kind is not null
            ? new Project(Id, Kind)
            {
                Sei = Sei ?? false,
                Major = Major ?? false,
                TotalInvestment = TotalInvestment,
                EquipmentInvestment = EquipmentInvestment,
                BenefitRate = BenefitRate,
                CompletedOn = CompletedOn,
                ReachedOutputOn = ReachedOutputOn,
                EnteredLibraryOn = EnteredLibraryOn,
                CumulativeInvestment = Investment ?? FrozenDictionary<Period, decimal>.Empty,
                SignedOn = SignedOn,
                StartedOn = StartedOn,
                ContractInvestment = ContractInvestment,
            }
            : null;
    }

    private sealed partial class FastReader
    {
        /// <summary>One kind of section item: its known fields, each read by its index, then the record (null when a required field is missing).</summary>
        private interface IItem<T>
            where T : class
        {
            static abstract Words Known { get; }

            bool Read(ref Utf8JsonReader r, int field, FastReader reader);

            T? Build();
        }

        private struct RankingItem : IItem<Ranking>
        {
            private string? _list;
            private int? _year, _rank;
            private DateOnly? _date;

            public static Words Known => RankingFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Word(ref r, RankingListWords, out _list),
                1 => Year(ref r, out _year),
                2 => Int(ref r, 1, out _rank),
                _ => Date(ref r, out _date),
            };

            public readonly Ranking? Build() =>
                _list is not null && _year is { } y && _rank is { } n && _date is { } d ? new Ranking(_list, y, n, d) : null;
        }

        private struct HonorItem : IItem<Honor>
        {
            private string? _kind, _item;
            private DateOnly? _date;
            private int? _stars;
            private decimal? _provincialFunding, _sales;

            public static Words Known => HonorFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Word(ref r, HonorKindWords, out _kind),
                1 => Date(ref r, out _date),
                2 => Text(ref r, out _item),
                3 => Int(ref r, 1, out _stars),
                4 => Number(ref r, Sign.Money, out _provincialFunding),
                _ => Number(ref r, Sign.Money, out _sales),
            };

            public readonly Honor? Build() => _kind is not null && _date is { } d
                ? new Honor(_kind, d) { Item = _item, Stars = _stars, ProvincialFunding = _provincialFunding, Sales = _sales }
                : null;
        }

        private struct ProjectReading : IItem<Project>
        {
            private ProjectItem _p;

            public static Words Known => ProjectFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Text(ref r, out _p.Id),
                1 => Word(ref r, ProjectKindWords, out _p.Kind),
                2 => Bool(ref r, out _p.Sei),
                3 => Bool(ref r, out _p.Major),
                4 => Number(ref r, Sign.Money, out _p.TotalInvestment),
                5 => Number(ref r, Sign.Money, out _p.EquipmentInvestment),
                6 => Number(ref r, Sign.Rate, out _p.BenefitRate),
                7 => Date(ref r, out _p.CompletedOn),
                8 => Date(ref r, out _p.ReachedOutputOn),
                9 => Date(ref r, out _p.EnteredLibraryOn),
                10 => reader.ProjectFigures(ref r, ref _p.Investment),
                11 => Date(ref r, out _p.SignedOn),
                12 => Date(ref r, out _p.StartedOn),
                _ => Number(ref r, Sign.Money, out _p.ContractInvestment),
            };

            public readonly Project? Build() => _p.Build();
        }

        private struct SpendingItem : IItem<Spending>
        {
            private string? _kind;
            private int? _year;
            private decimal? _amount;

            public static Words Known => SpendingFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Word(ref r, SpendingKindWords, out _kind),
                1 => Year(ref r, out _year),
                _ => Number(ref r, Sign.Money, out _amount),
            };

            public readonly Spending? Build() => _kind is not null && _year is { } y && _amount is { } a ? new Spending(_kind, y, a) : null;
        }

        private struct ProcurementItem : IItem<Procurement>
        {
            private string? _supplier, _chain;
            private int? _year;
            private decimal? _amount;

            public static Words Known => ProcurementFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Year(ref r, out _year),
                1 => Text(ref r, out _supplier) && Uscc.Check("supplier", _supplier) is null,
                2 => Number(ref r, Sign.Money, out _amount),
                _ => Word(ref r, SupplyChainWords, out _chain),
            };

            public readonly Procurement? Build() =>
                _year is { } y && _supplier is not null && _amount is { } a && _chain is not null ? new Procurement(y, _supplier, a, _chain) : null;
        }

        private struct PatentProductItem : IItem<PatentProduct>
        {
            private string? _id;
            private DateOnly? _grantedOn;
            private IReadOnlyDictionary<Period, decimal>? _sales;

            public static Words Known => PatentProductFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Text(ref r, out _id),
                1 => Date(ref r, out _grantedOn),
                _ => reader.Series(ref r, Sign.Money, yearsOnly: true, out _sales),
            };

            public readonly PatentProduct? Build() => _id is not null && _grantedOn is { } g ? new PatentProduct(_id, g, ByYear(_sales)) : null;
        }

        private struct PremisesItem : IItem<Premises>
        {
            private string? _kind;
            private decimal? _area;
            private DateOnly? _since, _date;

            public static Words Known => PremisesFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Word(ref r, PremisesKindWords, out _kind),
                1 => Number(ref r, Sign.Area, out _area),
                2 => Date(ref r, out _since),
                _ => Date(ref r, out _date),
            };

            public readonly Premises? Build() =>
                _kind is not null && _area is { } a && _since is { } s && _date is { } d ? new Premises(_kind, a, s, d) : null;
        }

        private struct TrainingItem : IItem<Training>
        {
            private string? _kind;
            private int? _year, _count;

            public static Words Known => TrainingFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Word(ref r, TrainingKindWords, out _kind),
                1 => Year(ref r, out _year),
                _ => Int(ref r, 0, MaxTrainees, out _count),
            };

            public readonly Training? Build() => _kind is not null && _year is { } y && _count is { } n ? new Training(_kind, y, n) : null;
        }

        private struct GrantItem : IItem<Grant>
        {
            private string? _clause, _item;
            private decimal? _amount;
            private DateOnly? _date;
            private int? _year;

            public static Words Known => GrantFields;

            public bool Read(ref Utf8JsonReader r, int field, FastReader reader) => field switch
            {
                0 => Text(ref r, out _clause) && ClauseSyntax().IsMatch(_clause!),
                1 => Text(ref r, out _item),
                2 => Number(ref r, Sign.Money, out _amount),
                3 => Date(ref r, out _date),
                _ => Year(ref r, out _year),
            };

            public readonly Grant? Build() => _clause is not null && _amount is { } a && _date is { } d ? new Grant(_clause, _item, a, d) { Year = _year ?? d.Year } : null;
        }
    }
}
