using Huiqi.Store.Import;

namespace Huiqi.Web.Monitoring;

/// <summary>The monitoring pages' xlsx downloads: one sheet, Chinese headers (the keys of each row, in order).</summary>
public static class Xlsx
{
    public const string ContentType = Workbooks.ContentType;

    public static FileContentResult File(IEnumerable<IDictionary<string, object?>> rows, string sheet, string fileName)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            list.Add(new Dictionary<string, object?> { ["说明"] = "（无数据）" });
        }

        return File(Workbooks.Bytes(list, sheet), fileName);
    }

    public static FileContentResult File(byte[] workbook, string fileName) => new(workbook, ContentType) { FileDownloadName = fileName };
}
