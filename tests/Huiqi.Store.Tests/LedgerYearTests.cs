using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Policies;
using Huiqi.Store.Import;

namespace Huiqi.Store.Tests;

/// <summary>
/// The registry keeps the award year a payment settles (grants[].year), so a 2024 award paid in January 2025 is not
/// owed again for 2024 once the dossier has been through the store.
/// </summary>
public sealed class LedgerYearTests(Databases databases) : IClassFixture<Databases>
{
    /// <summary>
    /// zz2023-23/7 (主营业务收入增长): 2024 over 2023 = 246,000,000 / 200,000,000 − 1 = 23 %, floor(23 / 5) = 4 steps × 10万
    /// = 40万 for award year 2024 (the catalogue's own case). The city paid those 40万 on 2025-01-20 for award year 2024;
    /// read back from the store, the ledger still says 2024, so nothing more is owed for 2024 — without the year the
    /// payment would count for 2025 and the 40万 would show as owed again.
    /// </summary>
    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_payment_for_an_earlier_award_year_keeps_its_year_through_the_store(Db db)
    {
        var store = await databases.FreshAsync(db);
        var read = DossierReader.Read(PaidInJanuary);
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        await store.PutAsync(read.Dossier!, "test");

        var back = (await store.GetAsync("91410100MA3159566W"))!;
        Assert.Equal(2024, Assert.Single(back.Grants).Year);
        var evaluator = new Evaluator(PolicySource.Default());
        Assert.DoesNotContain(evaluator.Evaluate(back, 2024).Awards, a => a.Clause == "zz2023-23/7");
        // The same facts without the payment are owed the 40万, so the line above is the ledger's doing.
        Assert.Equal(400_000m, evaluator.Evaluate(back with { Grants = [] }, 2024).Awards.Single(a => a.Clause == "zz2023-23/7").Amount);
    }

    /// <summary>The ledger sheet has a 所属年度 column: exported and imported again, the payment still settles 2024.</summary>
    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task The_award_year_goes_out_to_the_ledger_sheet_and_comes_back(Db db)
    {
        var store = await databases.FreshAsync(db);
        await store.PutAsync(DossierReader.Read(PaidInJanuary).Dossier!, "test");
        var file = TestData.TempFile(".xlsx");
        Sheets.WriteTables(file, () => store.StreamAsync().ToBlockingEnumerable(), FactKind.All);

        var fresh = await databases.FreshAsync(db);
        var report = await new Importer(fresh.Database).ImportAsync(file);
        Assert.True(report.Ok, report.ToText());
        var grant = Assert.Single((await fresh.GetAsync("91410100MA3159566W"))!.Grants);
        Assert.Equal((new DateOnly(2025, 1, 20), 2024), (grant.Date, grant.Year));
    }

    private const string PaidInJanuary = """
            { "uscc": "91410100MA3159566W", "name": "郑州测试企业有限公司", "district": "金水区",
              "traits": ["manufacturing", "in-library"], "sectors": ["sensor"],
              "figures": { "mainRevenue": { "2023": 200000000, "2024": 246000000 } },
              "grants": [ { "clause": "zz2023-23/7", "amount": 400000, "date": "2025-01-20", "year": 2024 } ] }
            """;
}
