using Huiqi.Web.Accounts;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// The decision log (办理留痕) for the city and the administrator: every step on every case, who, when, from where, and
/// whether the hash chain is intact — recomputed from the first entry on each visit, so a changed entry shows.
/// </summary>
[Authorize(Roles = $"{Roles.CityReviewer},{Roles.CityFinance},{Roles.Admin}")]
public sealed class DecisionsModel(CaseQueries queries) : CasePageModel
{
    public const int Size = 100;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + Size - 1) / Size);

    public IReadOnlyList<DecisionRow> Items { get; private set; } = [];

    /// <summary>Null: the chain is intact; else the first entry where it breaks.</summary>
    public long? BrokenAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        BrokenAt = await queries.VerifyAsync(cancel);
        (Count, Items) = await queries.DecisionsAsync(PageNumber, Size, cancel);
    }
}
