using Huiqi.Engine.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>The small input files of a forecast (growth assumptions, budgets), as YAML or CSV, with their lines.</summary>
internal static class TableFile
{
    public static ParamReader Yaml(string file, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? new ParamReader(file, m)
                : throw new CatalogException(file, 1, "应为一个 YAML 映射 / must be one YAML mapping");
        }
        catch (YamlException e)
        {
            throw new CatalogException(file, (int)e.Start.Line, $"YAML 格式错误 / YAML syntax error: {e.Message}");
        }
    }

    /// <summary>
    /// Rows of a plain CSV (comma-separated, no quoted commas) whose first line names the columns, in the order asked
    /// for; a missing or empty cell is null; an unknown column is an error.
    /// </summary>
    public static IEnumerable<(int Line, string?[] Cells)> Csv(string text, IReadOnlyList<string> columns, string file, List<CatalogError> errors)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines.Length > 0 ? lines[0].TrimStart('\uFEFF').Split(',').Select(h => h.Trim()).ToList() : [];
        foreach (var h in header.Where(h => !columns.Contains(h)))
        {
            errors.Add(new CatalogError(file, 1, $"未知列“{h}”，可选：{string.Join(",", columns)} / unknown column '{h}'"));
        }

        if (errors.Count > 0)
        {
            yield break;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            var row = new string?[columns.Count];
            for (var c = 0; c < header.Count && c < cells.Length; c++)
            {
                var v = cells[c].Trim();
                row[columns.ToList().IndexOf(header[c])] = v.Length == 0 ? null : v;
            }

            yield return (i + 1, row);
        }
    }
}
