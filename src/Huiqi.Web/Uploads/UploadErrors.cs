using System.Security.Claims;
using Huiqi.Store.Import;
using Microsoft.Extensions.Caching.Memory;

namespace Huiqi.Web.Uploads;

/// <summary>
/// A refused upload's errors as its page shows them (上传错误): the first <see cref="ImportLimits.ShownErrors"/>, how
/// many there are in all, and where to download the whole list as xlsx (行、列、错误). A sheet of 10,000 bad rows is
/// then a page of 100 lines, not of megabytes.
/// </summary>
public sealed record UploadErrors(IReadOnlyList<IRowError> Shown, int Total, string? Download)
{
    public static readonly UploadErrors None = new([], 0, null);

    public bool Any => Total > 0;

    /// <summary>The sentence above the list: how many, how many shown.</summary>
    public string Summary => Total > Shown.Count ? $"共 {Total} 处错误，以下列出前 {Shown.Count} 处" : $"共 {Total} 处错误";
}

/// <summary>
/// Keeps the full error list of each refused upload, as xlsx, for its uploader to download for
/// <see cref="Kept"/>; the list's address is unguessable and answers only the account that uploaded.
/// </summary>
public sealed class UploadErrorLists(IMemoryCache cache)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    /// <summary>The page's view of <paramref name="errors"/>, the full list kept for download.</summary>
    public UploadErrors Keep(ClaimsPrincipal user, IReadOnlyList<IRowError> errors)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return UploadErrors.None;
        }

        var id = Guid.NewGuid().ToString("N");
        var bytes = ErrorSheet.Bytes(errors);
        cache.Set(Key(id), new Entry(user.Identity?.Name ?? "", bytes), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Kept, Size = bytes.Length });
        return new UploadErrors([.. errors.Take(ImportLimits.ShownErrors)], errors.Count, $"/uploads/errors/{id}");
    }

    /// <summary>The list kept under <paramref name="id"/> when <paramref name="user"/> uploaded it, else null.</summary>
    public byte[]? Find(ClaimsPrincipal user, string id)
    {
        ArgumentNullException.ThrowIfNull(user);
        return cache.TryGetValue(Key(id), out Entry? entry) && entry is not null && entry.Owner == (user.Identity?.Name ?? "") ? entry.Bytes : null;
    }

    private static string Key(string id) => "upload-errors:" + id;

    private sealed record Entry(string Owner, byte[] Bytes);
}

/// <summary>The posted spreadsheet of an <c>Upload</c> handler: its stream, read within the kind's bounds by the importer.</summary>
public static class PostedSheet
{
    public const string Missing = "请选择要上传的 .xlsx 文件";

    /// <summary>The file's stream, or null when no file (or an empty one) was posted.</summary>
    public static Stream? Open(IFormFile? file) => file is { Length: > 0 } ? file.OpenReadStream() : null;
}
