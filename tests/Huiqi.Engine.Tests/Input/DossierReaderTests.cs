using System.Text;
using System.Text.Json;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Tests.Input;

public class DossierReaderTests
{
    private const string Head = """ "uscc": "91410100MA3159566W", "name": "郑州示例装备制造有限公司", "district": "郑州经开区" """;

    /// <summary>A dossier with the three required fields and the given sections.</summary>
    private static DossierReadResult ReadWith(string sections) =>
        DossierReader.Read("{" + Head + (sections.Length > 0 ? ", " + sections : "") + "}");

    private static InputError SingleError(DossierReadResult result)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Dossier);
        return Assert.Single(result.Errors);
    }

    internal static JsonElement ExampleDossier(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)));
        return document.RootElement.GetProperty("dossier").Clone();
    }

    [Theory]
    [InlineData("01-revenue-milestone.json")]
    [InlineData("02-smart-ladder.json")]
    [InlineData("03-q1-growth-shared.json")]
    public void The_example_dossiers_read_without_error(string file)
    {
        var result = DossierReader.Read(ExampleDossier(file));

        Assert.Empty(result.Errors);
        Assert.True(result.Ok);
        Assert.True(result.Dossier!.Has("above-scale"));
    }

    [Fact]
    public void The_example_dossiers_keep_their_facts()
    {
        var revenue = DossierReader.Read(ExampleDossier("01-revenue-milestone.json")).Dossier!;
        var ladder = DossierReader.Read(ExampleDossier("02-smart-ladder.json")).Dossier!;
        var q1 = DossierReader.Read(ExampleDossier("03-q1-growth-shared.json")).Dossier!;

        Assert.Equal("郑州经开区", revenue.District);
        Assert.Equal(10_400_000_000m, revenue.Figures.Get("mainRevenue", Period.OfYear(2024)));
        Assert.Equal(new Honor("provincial-smart-factory", new DateOnly(2025, 4, 18)), Assert.Single(ladder.Honors));
        Assert.Equal(new Grant("zz2023-23/15", "provincial-smart-workshop", 300_000m, new DateOnly(2024, 6, 30)), Assert.Single(ladder.Grants));
        Assert.Equal(172_500_000m, q1.Figures.Get("operatingRevenue", Period.OfQuarter(2023, 1)));
    }

    [Fact]
    public void The_bad_uscc_example_gives_exactly_the_documented_error()
    {
        var error = SingleError(DossierReader.Read(ExampleDossier("04-bad-uscc.json")));

        Assert.Equal("uscc: 统一社会信用代码校验位错误 / the USCC check character does not match (GB 32100-2015)", error.ToString());
    }

    [Fact]
    public void The_three_required_fields_are_each_reported_missing()
    {
        var result = DossierReader.Read("""{ "traits": ["industrial"] }""");

        Assert.Equal(["uscc", "name", "district"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Contains("缺少必填字段", e.Chinese));
    }

    [Fact]
    public void An_empty_name_is_an_error() =>
        Assert.Equal("name", SingleError(DossierReader.Read("""{ "uscc": "91410100MA3159566W", "name": " ", "district": "金水区" }""")).Path);

    [Fact]
    public void An_unknown_district_names_the_value_and_the_list()
    {
        var error = SingleError(DossierReader.Read("""{ "uscc": "91410100MA3159566W", "name": "甲", "district": "郑州市金水区" }"""));

        Assert.Equal("district", error.Path);
        Assert.Equal("郑州市金水区", error.Value);
        Assert.Contains("“郑州市金水区”", error.Chinese);
        Assert.Contains("郑东新区", error.Chinese);
        Assert.Contains("unknown district '郑州市金水区'", error.English);
    }

    [Fact]
    public void A_district_with_surrounding_spaces_is_not_trimmed_into_the_list() =>
        Assert.Equal("district", SingleError(DossierReader.Read("""{ "uscc": "91410100MA3159566W", "name": "甲", "district": " 金水区" }""")).Path);

    [Theory]
    [InlineData(""" "relocated": "2024-01-01" """, "relocated")]
    [InlineData(""" "honors": [ { "kind": "unicorn", "date": "2024-01-01", "color": "red" } ] """, "honors[0].color")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "fixed-asset", "figures": { "spent": { "2023Q1": 1 } } } ] """, "projects[0].figures.spent")]
    [InlineData(""" "grants": [ { "clause": "zz2023-23/15", "amount": 1, "date": "2024-01-01", "paidBy": "city" } ] """, "grants[0].paidBy")]
    public void Unknown_fields_are_errors(string sections, string path)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.StartsWith("未知字段", error.Chinese);
        Assert.StartsWith("unknown field", error.English);
    }

    [Theory]
    [InlineData(""" "traits": ["industrial", "big"] """, "traits[1]", "big", "trait")]
    [InlineData(""" "sectors": ["sensor", "robots"] """, "sectors[1]", "robots", "sector")]
    [InlineData(""" "figures": { "revenue": { "2024": 1 } } """, "figures.revenue", "revenue", "metric")]
    [InlineData(""" "rankings": [ { "list": "fortune-500", "year": 2024, "rank": 3, "date": "2024-09-10" } ] """, "rankings[0].list", "fortune-500", "ranking list")]
    [InlineData(""" "honors": [ { "kind": "provincial-smart-factory", "date": "2024-01-01" }, { "kind": "smart-factory", "date": "2024-01-01" } ] """, "honors[1].kind", "smart-factory", "honor kind")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "rebuild" } ] """, "projects[0].kind", "rebuild", "project kind")]
    [InlineData(""" "spending": [ { "kind": "travel", "year": 2024, "amount": 1 } ] """, "spending[0].kind", "travel", "spending kind")]
    [InlineData(""" "procurement": [ { "year": 2024, "supplier": "91410100MA18931346", "amount": 1, "chain": "old" } ] """, "procurement[0].chain", "old", "supply chain")]
    [InlineData(""" "premises": [ { "kind": "rent", "area": 1, "since": "2021-01-01", "date": "2024-01-01" } ] """, "premises[0].kind", "rent", "premises kind")]
    [InlineData(""" "training": [ { "kind": "engineer", "year": 2024, "count": 3 } ] """, "training[0].kind", "engineer", "training kind")]
    public void Words_outside_the_vocabularies_are_errors_naming_the_value(string sections, string path, string value, string what)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.Equal(value, error.Value);
        Assert.Contains($"“{value}”", error.Chinese);
        Assert.Contains($"unknown {what} '{value}'", error.English);
    }

    [Theory]
    [InlineData(""" "figures": { "mainRevenue": { "2024": "246000000" } } """, "figures.mainRevenue.2024", "expected a number, found a string")]
    [InlineData(""" "traits": "industrial" """, "traits", "expected an array, found a string")]
    [InlineData(""" "honors": { "kind": "unicorn" } """, "honors", "expected an array, found an object")]
    [InlineData(""" "honors": [ "unicorn" ] """, "honors[0]", "expected an object, found a string")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "new", "sei": "yes" } ] """, "projects[0].sei", "expected true or false, found a string")]
    [InlineData(""" "projects": [ { "id": 1, "kind": "new" } ] """, "projects[0].id", "expected a string, found a number")]
    [InlineData(""" "relocatedOn": 20240101 """, "relocatedOn", "expected a string, found a number")]
    public void Wrong_json_types_are_errors(string sections, string path, string english)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.Equal(english, error.English);
    }

    [Theory]
    [InlineData(""" "rankings": [ { "list": "china-500", "year": 2024.5, "rank": 3, "date": "2024-09-10" } ] """, "rankings[0].year")]
    [InlineData(""" "rankings": [ { "list": "china-500", "year": 2024, "rank": 3.5, "date": "2024-09-10" } ] """, "rankings[0].rank")]
    [InlineData(""" "training": [ { "kind": "technician", "year": 2024, "count": 2.5 } ] """, "training[0].count")]
    [InlineData(""" "honors": [ { "kind": "cloud-star", "date": "2024-01-01", "stars": 3.5 } ] """, "honors[0].stars")]
    public void Whole_number_fields_must_be_whole(string sections, string path)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.Contains("应为整数", error.Chinese);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void A_rank_below_one_is_an_error(int rank)
    {
        var error = SingleError(ReadWith($$""" "rankings": [ { "list": "china-500", "year": 2024, "rank": {{rank}}, "date": "2024-09-10" } ] """));

        Assert.Equal("rankings[0].rank", error.Path);
        Assert.Equal("rank must be at least 1", error.English);
    }

    [Fact]
    public void Numbers_are_read_exactly_not_through_double()
    {
        // Nineteen significant digits (a double holds about sixteen), inside the bound of 10万亿元.
        var dossier = ReadWith(""" "figures": { "mainRevenue": { "2024": 1234567890123.456789 }, "peerProfitMargin": { "2024": 0.1 } } """).Dossier!;

        Assert.Equal(1234567890123.456789m, dossier.Figures.Get("mainRevenue", Period.OfYear(2024)));
        Assert.Equal(0.1m, dossier.Figures.Get("peerProfitMargin", Period.OfYear(2024)));
    }

    [Fact]
    public void A_number_too_large_for_a_decimal_is_an_error_not_an_exception() =>
        Assert.Equal("figures.mainRevenue.2024", SingleError(ReadWith(""" "figures": { "mainRevenue": { "2024": 1e40 } } """)).Path);

    [Theory]
    [InlineData("2024-02-30", "不是有效的日历日期")]
    [InlineData("2023-02-29", "不是有效的日历日期")]
    [InlineData("2024/01/01", "格式错误")]
    [InlineData("2024-1-1", "格式错误")]
    [InlineData("2024-01-01T00:00:00", "格式错误")]
    public void Dates_must_be_calendar_dates_written_yyyy_MM_dd(string date, string chinese)
    {
        var error = SingleError(ReadWith($$""" "honors": [ { "kind": "unicorn", "date": "{{date}}" } ] """));

        Assert.Equal("honors[0].date", error.Path);
        Assert.Equal(date, error.Value);
        Assert.Contains(chinese, error.Chinese);
    }

    [Fact]
    public void A_leap_day_is_a_date() =>
        Assert.Equal(new DateOnly(2024, 2, 29), ReadWith(""" "relocatedOn": "2024-02-29" """).Dossier!.RelocatedOn);

    [Fact]
    public void Every_kind_of_period_is_read()
    {
        var figures = ReadWith(""" "figures": { "electricityKwh": { "2024": 1, "2024H1": 2, "2024Q3": 3, "2024-03": 4 } } """).Dossier!.Figures;

        Assert.Equal(new[] { 1m, 2m, 4m, 3m }, figures.Series("electricityKwh").Select(p => p.Value));
        Assert.Equal(4m, figures.Get("electricityKwh", Period.OfMonth(2024, 3)));
        Assert.Equal(2m, figures.Get("electricityKwh", Period.OfHalf(2024, 1)));
    }

    [Theory]
    [InlineData("2024Q5")]
    [InlineData("2024-13")]
    [InlineData("24")]
    [InlineData("2024H3")]
    public void A_period_that_does_not_parse_is_an_error(string period)
    {
        var error = SingleError(ReadWith($$""" "figures": { "mainRevenue": { "{{period}}": 1 } } """));

        Assert.Equal($"figures.mainRevenue.{period}", error.Path);
        Assert.Contains("2024Q1", error.English);
    }

    [Fact]
    public void Patent_product_sales_are_keyed_by_year_only()
    {
        var error = SingleError(ReadWith(""" "patentProducts": [ { "id": "ZL1", "grantedOn": "2023-03-01", "sales": { "2024": 1, "2024Q1": 2 } } ] """));

        Assert.Equal("patentProducts[0].sales.2024Q1", error.Path);
        Assert.Contains("not a year", error.English);
    }

    [Fact]
    public void Patent_product_sales_are_read_by_year() =>
        Assert.Equal(30_000_000m, Assert.Single(ReadWith(""" "patentProducts": [ { "id": "ZL1", "grantedOn": "2023-03-01", "sales": { "2024": 30000000 } } ] """).Dossier!.PatentProducts).Sales[2024]);

    [Theory]
    [InlineData(""" "figures": { "mainRevenue": { "2024": -1 } } """, "figures.mainRevenue.2024")]
    [InlineData(""" "spending": [ { "kind": "exhibition", "year": 2024, "amount": -300000 } ] """, "spending[0].amount")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "tech-reform", "equipmentInvestment": -1 } ] """, "projects[0].equipmentInvestment")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "fixed-asset", "figures": { "investment": { "2023Q1": -5 } } } ] """, "projects[0].figures.investment.2023Q1")]
    [InlineData(""" "grants": [ { "clause": "zz2023-23/15", "amount": -1, "date": "2024-01-01" } ] """, "grants[0].amount")]
    [InlineData(""" "honors": [ { "kind": "provincial-innovation-center", "date": "2024-01-01", "provincialFunding": -1 } ] """, "honors[0].provincialFunding")]
    public void Negative_money_is_an_error(string sections, string path)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.Equal("金额不能为负数 / amount must not be negative", $"{error.Chinese} / {error.English}");
    }

    [Theory]
    [InlineData(""" "premises": [ { "kind": "lease", "area": -1, "since": "2021-01-01", "date": "2024-01-01" } ] """, "premises[0].area")]
    [InlineData(""" "training": [ { "kind": "technician", "year": 2024, "count": -1 } ] """, "training[0].count")]
    [InlineData(""" "figures": { "electricityKwh": { "2024-01": -1 } } """, "figures.electricityKwh.2024-01")]
    public void Negative_quantities_are_errors(string sections, string path) =>
        Assert.Equal(path, SingleError(ReadWith(sections)).Path);

    [Fact]
    public void A_loss_is_a_negative_profit_and_is_accepted() =>
        Assert.Equal(-5_000_000m, ReadWith(""" "figures": { "profit": { "2024": -5000000 } } """).Dossier!.Figures.Get("profit", Period.OfYear(2024)));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("10.5")]
    public void A_benefit_rate_outside_0_to_10_is_an_error(string rate) =>
        Assert.Equal("projects[0].benefitRate", SingleError(ReadWith($$""" "projects": [ { "id": "P1", "kind": "green", "benefitRate": {{rate}} } ] """)).Path);

    [Fact]
    public void A_project_is_read_with_all_its_fields()
    {
        var json = """
            "projects": [
              { "id": "P1", "kind": "green", "sei": true, "totalInvestment": 30000000, "equipmentInvestment": 24000000,
                "benefitRate": 0.12, "completedOn": "2024-05-31", "reachedOutputOn": "2024-08-01" },
              { "id": "P2", "kind": "fixed-asset", "enteredLibraryOn": "2023-01-15", "figures": { "investment": { "2023Q1": 123, "2023Q2": 456 } } },
              { "id": "P3", "kind": "signed", "major": true, "signedOn": "2023-03-01", "startedOn": "2024-02-01", "contractInvestment": 500000000 }
            ]
            """;
        var projects = ReadWith(json).Dossier!.Projects;

        Assert.Equal(["P1", "P2", "P3"], projects.Select(p => p.Id));
        Assert.True(projects[0].Sei);
        Assert.False(projects[0].Major);
        Assert.Equal(0.12m, projects[0].BenefitRate);
        Assert.Equal(new DateOnly(2024, 8, 1), projects[0].ReachedOutputOn);
        Assert.Equal(456m, projects[1].CumulativeInvestment[Period.OfQuarter(2023, 2)]);
        Assert.Equal(new DateOnly(2023, 1, 15), projects[1].EnteredLibraryOn);
        Assert.True(projects[2].Major);
        Assert.Equal(500_000_000m, projects[2].ContractInvestment);
        Assert.Equal(new DateOnly(2024, 2, 1), projects[2].StartedOn);
    }

    [Fact]
    public void Two_projects_with_one_id_are_an_error()
    {
        var error = SingleError(ReadWith(""" "projects": [ { "id": "P1", "kind": "new" }, { "id": "P2", "kind": "new" }, { "id": "P1", "kind": "smart" } ] """));

        Assert.Equal("projects[2].id", error.Path);
        Assert.Contains("projects[0]", error.English);
    }

    [Fact]
    public void A_supplier_is_checked_as_a_uscc()
    {
        var error = SingleError(ReadWith(""" "procurement": [ { "year": 2024, "supplier": "91410100MA81678721", "amount": 6000000, "chain": "existing" } ] """));

        Assert.Equal("procurement[0].supplier: 统一社会信用代码校验位错误 / the USCC check character does not match (GB 32100-2015)", error.ToString());
    }

    [Theory]
    [InlineData("zz2023-23/15")]
    [InlineData("sj-sangao/5.1")]
    [InlineData("zzb2022-zjtx/3")]
    [InlineData("zzw2022-155/10")]
    public void Grant_clauses_of_the_form_document_slash_number_are_read(string clause) =>
        Assert.Equal(clause, Assert.Single(ReadWith($$""" "grants": [ { "clause": "{{clause}}", "amount": 1, "date": "2024-01-01" } ] """).Dossier!.Grants).Clause);

    [Theory]
    [InlineData("zz2023-23")]
    [InlineData("zz2023-23/")]
    [InlineData("/15")]
    [InlineData("zz2023-23/15a")]
    [InlineData("ZZ2023-23/15")]
    public void Grant_clauses_of_another_form_are_errors(string clause)
    {
        var error = SingleError(ReadWith($$""" "grants": [ { "clause": "{{clause}}", "amount": 1, "date": "2024-01-01" } ] """));

        Assert.Equal("grants[0].clause", error.Path);
        Assert.Equal(clause, error.Value);
    }

    [Fact]
    public void A_grant_clause_with_a_trailing_line_break_is_an_error() =>
        Assert.Equal("zz2023-23/15\n", SingleError(ReadWith(""" "grants": [ { "clause": "zz2023-23/15\n", "amount": 1, "date": "2024-01-01" } ] """)).Value);

    [Fact]
    public void Null_is_accepted_for_optional_fields()
    {
        var result = ReadWith(""" "relocatedOn": null, "honors": [ { "kind": "cloud-star", "date": "2024-01-01", "item": null, "stars": null } ], "projects": [ { "id": "P1", "kind": "new", "sei": null, "completedOn": null } ] """);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Null(result.Dossier!.RelocatedOn);
        Assert.Null(result.Dossier.Honors[0].Item);
        Assert.False(result.Dossier.Projects[0].Sei);
    }

    [Fact]
    public void Null_is_not_accepted_for_required_fields()
    {
        var error = SingleError(ReadWith(""" "honors": [ { "kind": "unicorn", "date": null } ] """));

        Assert.Equal("honors[0].date", error.Path);
        Assert.Equal("required field 'date' is missing", error.English);
    }

    [Fact]
    public void Honors_carry_their_optional_details()
    {
        var honors = ReadWith("""
            "honors": [
              { "kind": "cloud-star", "date": "2024-01-01", "stars": 4 },
              { "kind": "provincial-innovation-center", "date": "2024-02-01", "provincialFunding": 5000000 },
              { "kind": "first-of-kind", "date": "2024-03-01", "item": "盾构机", "sales": 12000000 }
            ]
            """).Dossier!.Honors;

        Assert.Equal(4, honors[0].Stars);
        Assert.Equal(5_000_000m, honors[1].ProvincialFunding);
        Assert.Equal("盾构机", honors[2].Item);
        Assert.Equal(12_000_000m, honors[2].Sales);
    }

    [Fact]
    public void A_field_given_twice_is_an_error() =>
        Assert.Equal("name", SingleError(DossierReader.Read("""{ "uscc": "91410100MA3159566W", "name": "甲", "name": "乙", "district": "金水区" }""")).Path);

    [Fact]
    public void All_errors_are_collected_at_once()
    {
        var result = DossierReader.Read("""
            {
              "uscc": "91410100MA81678721",
              "district": "郑州",
              "traits": ["industrial", "huge"],
              "figures": { "mainRevenue": { "2024": -1, "2025Q9": 3 } },
              "honors": [ { "kind": "unicorn", "date": "2024-13-01", "extra": 1 } ],
              "grants": [ { "clause": "zz2023-23/15", "amount": "300000" } ],
              "website": "https://example.com"
            }
            """);

        Assert.Null(result.Dossier);
        string[] expected =
        [
            "uscc", "name", "district", "traits[1]", "figures.mainRevenue.2024", "figures.mainRevenue.2025Q9",
            "honors[0].extra", "honors[0].date", "grants[0].amount", "grants[0].date", "website",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Malformed_json_is_one_error_at_the_root_with_line_and_byte()
    {
        var error = SingleError(DossierReader.Read("{\n  \"uscc\": \"91410100MA3159566W\",\n  \"name\": }"));

        Assert.Equal("(root)", error.Path);
        Assert.Contains("第3行", error.Chinese);
        Assert.StartsWith("malformed JSON at line 3, byte 11", error.English);
    }

    [Fact]
    public void Malformed_utf8_json_is_reported_too() =>
        Assert.Equal("(root)", SingleError(DossierReader.Read("{\"uscc\": \"x\",,}"u8)).Path);

    [Fact]
    public void Utf8_json_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{" + Head + "}")).ToArray();

        var result = DossierReader.Read(bytes);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal("郑州示例装备制造有限公司", result.Dossier!.Name);
    }

    [Fact]
    public void Invalid_unicode_is_an_error_not_an_exception()
    {
        byte[] badUtf8 = [.. "{\"uscc\":\""u8, 0xFF, .. "\"}"u8];

        Assert.Equal("(root)", SingleError(DossierReader.Read(badUtf8)).Path);
        Assert.Equal("(root)", SingleError(DossierReader.Read("{\"name\":\"\ud800\"}")).Path);
        Assert.Equal("(root)", SingleError(DossierReader.Read("{\"name\":\"\\ud800\"}")).Path);
        Assert.Equal("(root)", SingleError(DossierReader.Read(default(JsonElement))).Path);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"91410100MA3159566W\"")]
    [InlineData("null")]
    public void A_dossier_that_is_not_an_object_is_an_error_at_the_root(string json) =>
        Assert.Equal("(root)", SingleError(DossierReader.Read(json)).Path);

    [Fact]
    public void A_dossier_without_sections_is_read_with_empty_ones()
    {
        var dossier = ReadWith("").Dossier!;

        Assert.Empty(dossier.Traits);
        Assert.Equal(0, dossier.Figures.Count);
        Assert.Empty(dossier.Honors);
        Assert.Empty(dossier.Grants);
    }

    [Fact]
    public void Example_01_with_a_revenue_of_1e28_is_an_input_error_naming_the_path_and_the_bound()
    {
        // Issue 13: this dossier used to run the server out of memory. 1e28 yuan is no enterprise's revenue.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "01-revenue-milestone.json"))
            .Replace("\"2024\": 10400000000", "\"2024\": 1e28", StringComparison.Ordinal);
        var (read, year, wellFormed) = DossierReader.ReadQuestion(text, null);

        Assert.True(wellFormed);
        Assert.Equal(2024, year);
        var error = SingleError(read);
        Assert.Equal("figures.mainRevenue.2024", error.Path);
        Assert.Equal("1e28", error.Value);
        Assert.Equal("金额1e28超出合理范围：不应超过10000000000000元（10万亿元）", error.Chinese);
        Assert.Equal("amount 1e28 is out of range: at most 10000000000000 yuan", error.English);
    }

    [Theory]
    [InlineData(""" "figures": { "mainRevenue": { "2024": 10000000000000 } } """)]
    [InlineData(""" "figures": { "profit": { "2024": -10000000000000 } } """)]
    [InlineData(""" "figures": { "peerProfitMargin": { "2024": -0.3 } } """)]
    [InlineData(""" "figures": { "peerProfitMargin": { "2024": 10 } } """)]
    [InlineData(""" "figures": { "electricityKwh": { "2024-01": 1000000000000 } } """)]
    [InlineData(""" "premises": [ { "kind": "lease", "area": 100000000, "since": "2021-01-01", "date": "2024-01-01" } ] """)]
    [InlineData(""" "training": [ { "kind": "technician", "year": 2024, "count": 1000000 } ] """)]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "tech-reform", "totalInvestment": 1e13 } ] """)]
    public void A_figure_on_its_bound_is_accepted(string sections) =>
        Assert.True(ReadWith(sections).Ok, string.Join("\n", ReadWith(sections).Errors));

    [Theory]
    [InlineData(""" "figures": { "mainRevenue": { "2024": 10000000000000.01 } } """, "figures.mainRevenue.2024", "10000000000000元")]
    [InlineData(""" "figures": { "profit": { "2024": -10000000000001 } } """, "figures.profit.2024", "10000000000000元")]
    [InlineData(""" "figures": { "peerProfitMargin": { "2024": 10.5 } } """, "figures.peerProfitMargin.2024", "-10到10")]
    [InlineData(""" "figures": { "electricityKwh": { "2024-01": 1000000000001 } } """, "figures.electricityKwh.2024-01", "1000000000000千瓦时")]
    [InlineData(""" "premises": [ { "kind": "lease", "area": 100000001, "since": "2021-01-01", "date": "2024-01-01" } ] """, "premises[0].area", "100000000平方米")]
    [InlineData(""" "training": [ { "kind": "technician", "year": 2024, "count": 1000001 } ] """, "training[0].count", "0到1000000")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "tech-reform", "equipmentInvestment": 2e13 } ] """, "projects[0].equipmentInvestment", "10000000000000元")]
    [InlineData(""" "spending": [ { "kind": "exhibition", "year": 2024, "amount": 12345678901234567 } ] """, "spending[0].amount", "10000000000000元")]
    [InlineData(""" "projects": [ { "id": "P1", "kind": "fixed-asset", "figures": { "investment": { "2023Q1": 1e20 } } } ] """, "projects[0].figures.investment.2023Q1", "10000000000000元")]
    public void A_figure_beyond_its_bound_is_an_error_naming_the_bound(string sections, string path, string bound)
    {
        var error = SingleError(ReadWith(sections));

        Assert.Equal(path, error.Path);
        Assert.Contains(bound, error.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2024\"", "应为数字，实为字符串")]
    [InlineData("1e400", "数值超出范围")]
    [InlineData("2024.5", "评估年度应为整数")]
    [InlineData("1800", "评估年度应在1900到2100之间")]
    [InlineData("true", "应为数字，实为布尔值")]
    public void A_worked_example_year_that_is_no_year_is_an_error_at_year(string year, string message)
    {
        // Issue 13: {"year":"2024",…} answered 500, and 1e400 or 2024.5 were dropped for "缺少评估年度".
        foreach (var given in new int?[] { null, 2024 })
        {
            var (read, _, wellFormed) = DossierReader.ReadQuestion(Question(year), given);

            Assert.False(wellFormed);
            var error = SingleError(read);
            Assert.Equal("year", error.Path);
            Assert.StartsWith(message, error.Chinese, StringComparison.Ordinal);
        }
    }

    /// <summary>A worked example: the award year beside the dossier.</summary>
    private static string Question(string year) => "{\"year\":" + year + ",\"dossier\":{" + Head + "}}";

    [Fact]
    public void A_worked_example_year_is_used_when_the_caller_gives_none()
    {
        Assert.Equal(2023, DossierReader.ReadQuestion(Question("2023"), null).Year);
        Assert.Equal(2024, DossierReader.ReadQuestion(Question("2023"), 2024).Year);
        var (read, year, wellFormed) = DossierReader.ReadQuestion(Question("null"), null);
        Assert.True(wellFormed && read.Ok);
        Assert.Null(year);
    }

    [Fact]
    public void A_ledger_line_settles_the_award_year_it_names_else_the_year_of_its_date()
    {
        // dossier.md: grants[].year is the award year the payment settles; when absent, the year of date.
        var dossier = ReadWith("""
            "grants": [
              { "clause": "zz2023-23/7", "amount": 300000, "date": "2025-01-20", "year": 2024 },
              { "clause": "zz2023-23/7", "amount": 100000, "date": "2025-03-01" } ]
            """).Dossier!;
        Assert.Equal([2024, 2025], dossier.Grants.Select(g => g.Year));
    }

    [Theory]
    [InlineData("2024.5", "应为整数")]
    [InlineData("1800", "应在1900到2100之间")]
    [InlineData("\"2024\"", "数字")]
    public void A_ledger_award_year_that_is_no_plausible_year_is_an_error_at_its_path(string year, string why)
    {
        var error = SingleError(ReadWith($$"""
            "grants": [ { "clause": "zz2023-23/7", "amount": 300000, "date": "2025-01-20", "year": {{year}} } ]
            """));
        Assert.Equal("grants[0].year", error.Path);
        Assert.Contains(why, error.Chinese, StringComparison.Ordinal);
    }
}
