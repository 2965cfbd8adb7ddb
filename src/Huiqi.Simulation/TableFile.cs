using Huiqi.Engine.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>The small input files of a forecast (growth assumptions, budgets) as YAML, with their lines (CSV and xlsx: <see cref="ForecastTables"/>).</summary>
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
}
