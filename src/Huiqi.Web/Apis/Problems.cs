using Huiqi.Engine.Input;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huiqi.Web.Apis;

/// <summary>The API's error answers: ProblemDetails in Chinese and English.</summary>
public static class Problems
{
    /// <summary>
    /// A bad dossier: 400, with every error's JSON path, value and message in an <c>errors</c> extension, the same
    /// paths and messages as the command line prints (<c>path: 中文 / English</c>).
    /// </summary>
    public static ProblemHttpResult InputErrors(IReadOnlyList<InputError> errors) => TypedResults.Problem(
        title: "企业档案有误 / the dossier has errors",
        detail: string.Join("\n", errors.Select(e => e.ToString())),
        statusCode: StatusCodes.Status400BadRequest,
        type: "https://huiqi.zhengzhou/problems/input-error",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new Dictionary<string, string?>
            {
                ["path"] = e.Path,
                ["value"] = e.Value,
                ["message"] = $"{e.Chinese} / {e.English}",
                ["chinese"] = e.Chinese,
                ["english"] = e.English,
            }).ToList(),
        });

    public static ProblemHttpResult BadRequest(string chinese, string english) => TypedResults.Problem(
        title: "请求有误 / bad request",
        detail: $"{chinese} / {english}",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A body in another encoding than UTF-8: 415, naming it.</summary>
    public static ProblemHttpResult NotUtf8(string charset) => TypedResults.Problem(
        title: "不支持的字符编码 / unsupported charset",
        detail: $"请求体的字符编码为 {charset}：本接口只接受 UTF-8 / the body is in {charset}: only UTF-8 is accepted",
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        title: TooLargeTitle,
        detail: TooLargeDetail(limit),
        statusCode: StatusCodes.Status413PayloadTooLarge);

    public const string TooLargeTitle = "请求体过大 / request body too large";

    public static string TooLargeDetail(long limit) =>
        $"请求体超过本接口 {limit} 字节（{limit / (1024 * 1024)} MB）的上限 / the body exceeds this endpoint's limit of {limit} bytes";

    /// <summary>An award year the engine can read: 2000–2100 (a dossier's dates are calendar dates).</summary>
    public static bool ValidYear(int year) => year is >= 2000 and <= 2100;

    public static ProblemHttpResult BadYear(int year) =>
        BadRequest($"评估年度 {year} 不在 2000–2100 之间", $"the award year {year} is not between 2000 and 2100");

    /// <summary>Not found, or not in the caller's scope: the two are answered alike.</summary>
    public static ProblemHttpResult NotFound(string uscc) => TypedResults.Problem(
        title: "未找到 / not found",
        detail: $"没有统一社会信用代码为 {uscc} 的企业，或不在您的权限范围内 / no enterprise {uscc} in your scope",
        statusCode: StatusCodes.Status404NotFound);
}
