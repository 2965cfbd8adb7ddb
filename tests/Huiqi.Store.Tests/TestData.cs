using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using MiniExcelLibs;

namespace Huiqi.Store.Tests;

/// <summary>Dossiers and sheets for the tests.</summary>
internal static class TestData
{
    /// <summary>A valid USCC numbered n.</summary>
    public static string Uscc(int n) => Huiqi.Engine.Input.Uscc.WithCheckCharacters($"91410100MA{n:D6}");

    public static Dossier Minimal(int n, string district = "郑州经开区") => new()
    {
        Uscc = Uscc(n),
        Name = $"郑州测试企业{n}有限公司",
        District = district,
    };

    /// <summary>A dossier with every section filled, read from the contract JSON so it is exactly what a reader builds.</summary>
    public static Dossier Rich(int n)
    {
        var json = $$"""
        {
          "uscc": "{{Uscc(n)}}", "name": "郑州示例传感科技有限公司", "district": "郑州高新区",
          "traits": ["industrial", "manufacturing", "above-scale", "in-library", "chain-leader"],
          "sectors": ["sensor", "5g"], "relocatedOn": "2021-03-01",
          "figures": {
            "mainRevenue": { "2023": 200000000, "2024": 246000000.55 },
            "operatingRevenue": { "2022Q1": 300000000, "2023Q1": 335000000, "2023H1": 700000000 },
            "electricityKwh": { "2022-01": 800000.125, "2023-01": 820000 },
            "profit": { "2024": -1500000 },
            "peerProfitMargin": { "2024": 0.0825 }
          },
          "rankings": [ { "list": "china-500", "year": 2024, "rank": 480, "date": "2024-09-10" } ],
          "honors": [
            { "kind": "provincial-smart-factory", "date": "2025-06-01" },
            { "kind": "cloud-star", "date": "2024-03-01", "stars": 4 },
            { "kind": "provincial-innovation-center", "date": "2024-04-01", "provincialFunding": 3000000 },
            { "kind": "national-green-product", "date": "2024-05-01", "item": "电机" },
            { "kind": "first-of-kind", "date": "2024-05-02", "item": "传感器A", "sales": 12000000.5 }
          ],
          "projects": [
            { "id": "P1", "kind": "tech-reform", "sei": true, "totalInvestment": 30000000, "equipmentInvestment": 24000000, "completedOn": "2024-05-31" },
            { "id": "P2", "kind": "green", "benefitRate": 0.125, "equipmentInvestment": 8000000, "completedOn": "2024-01-31", "reachedOutputOn": "2024-07-01", "major": true },
            { "id": "F1", "kind": "fixed-asset", "enteredLibraryOn": "2023-02-01", "figures": { "investment": { "2022Q4": 400000000, "2023Q1": 1200000000 } } },
            { "id": "S1", "kind": "signed", "signedOn": "2023-01-10", "startedOn": "2023-03-01", "contractInvestment": 1200000000 }
          ],
          "spending": [ { "kind": "exhibition", "year": 2024, "amount": 300000 } ],
          "procurement": [ { "year": 2024, "supplier": "{{Uscc(900000 + n)}}", "amount": 6000000, "chain": "existing" } ],
          "patentProducts": [ { "id": "ZL2023100000011", "grantedOn": "2023-03-01", "sales": { "2023": 1000000, "2024": 30000000 } } ],
          "premises": [ { "kind": "lease", "area": 25000.5, "since": "2021-01-01", "date": "2024-01-01" } ],
          "training": [ { "kind": "technician", "year": 2024, "count": 30 } ],
          "grants": [ { "clause": "zz2023-23/15", "item": "provincial-smart-workshop", "amount": 300000, "date": "2024-05-01" } ]
        }
        """;
        var read = DossierReader.Read(json);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read.Dossier!;
    }

    public static string Json(Dossier d) => DossierJson.ToJson(d);

    public static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"huiqi-{Guid.NewGuid():N}{extension}");

    /// <summary>An xlsx of the given rows (row 1 first; null for an empty cell), with the given cell ranges merged as Excel stores them.</summary>
    public static string Xlsx(IEnumerable<object?[]> rows, params string[] merges)
    {
        var path = TempFile(".xlsx");
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        var table = list.Select(r => Enumerable.Range(0, width).ToDictionary(c => ((char)('A' + c)).ToString(), c => c < r.Length ? r[c] : null));
        MiniExcel.SaveAs(path, table, printHeader: false);
        if (merges.Length > 0)
        {
            AddMerges(path, merges);
        }

        return path;
    }

    private static void AddMerges(string path, string[] merges)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var r = new StreamReader(entry.Open()))
        {
            xml = r.ReadToEnd();
        }

        var prefix = Regex.Match(xml, @"<(\w+:)?sheetData").Groups[1].Value;
        var block = $"<{prefix}mergeCells count=\"{merges.Length}\">" + string.Concat(merges.Select(m => $"<{prefix}mergeCell ref=\"{m}\"/>")) + $"</{prefix}mergeCells>";
        var at = xml.IndexOf($"</{prefix}sheetData>", StringComparison.Ordinal) + $"</{prefix}sheetData>".Length;
        var filter = Regex.Match(xml[at..], $@"^<{prefix}autoFilter[^>]*/>");
        at += filter.Length;
        xml = xml.Insert(at, block);
        entry.Delete();
        var fresh = zip.CreateEntry("xl/worksheets/sheet1.xml");
        using var w = new StreamWriter(fresh.Open(), new UTF8Encoding(false));
        w.Write(xml);
    }

    public static string Csv(string text, Encoding encoding)
    {
        var path = TempFile(".csv");
        File.WriteAllText(path, text, encoding);
        return path;
    }
}
