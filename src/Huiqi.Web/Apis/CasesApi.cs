namespace Huiqi.Web.Apis;

/// <summary>
/// <c>/api/cases</c>: the cases in the caller's scope, one case with its history, and its steps. A refused step is a
/// ProblemDetails with 404 (not in scope), 403 (not the caller's office), 409 (changed since the version sent, or not
/// at that step) or 400 (bad input), its detail in Chinese and English. A JSON body cannot be posted cross-site without
/// a CORS preflight, which this application never grants.
/// </summary>
public static class CasesApi
{
    /// <summary>A step on a case: the version the caller saw, and what the step needs.</summary>
    public sealed record StepRequest(int Version, string? Reason, decimal? Amount, string? Payer, string? Voucher, int? Score, string? Account);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("cases").RequireAuthorization();
        api.MapGet("", ListAsync).WithSummary("兑现事项（权限范围内，筛选、分页） / the cases in scope, filtered and paged");
        api.MapGet("/{id:long}", GetAsync).WithSummary("一个事项及其办理记录 / one case with its history");
        api.MapPost("/{id:long}/{step}", StepAsync)
            .WithSummary("办理一步：confirm、decline、submit、pass、return、reject、release、pay、rate / take a step on a case");
        return app;
    }

    public static async Task<IResult> ListAsync(HttpContext http, CaseQueries queries, int? year, string? status, string? clause, string? district, string? way, bool? overdue, bool? todo, int? page, CancellationToken cancel)
    {
        var filter = new CaseFilter { Year = year, Status = status, Clause = clause, District = district, Way = way, Overdue = overdue == true, Todo = todo == true };
        var result = await queries.ListAsync(http.Actor(), filter, page ?? 1, cancel);
        return TypedResults.Ok(new { result.Count, result.Page, result.Pages, result.ByStatus, result.Items });
    }

    public static async Task<IResult> GetAsync(HttpContext http, CaseQueries queries, long id, CancellationToken cancel)
    {
        var view = await queries.GetAsync(http.Actor(), id, cancel);
        return view is null
            ? Refused(CaseException.NotFound(id))
            : TypedResults.Ok(new { view.Case, view.Attachments, view.Objections, view.Payments, view.History, view.Notice });
    }

    public static async Task<IResult> StepAsync(HttpContext http, CaseWorkflow workflow, long id, string step, StepRequest body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(body);
        var a = http.Actor();
        try
        {
            var c = step switch
            {
                "confirm" => await workflow.ConfirmAsync(id, body.Version, a, cancel),
                "decline" => await workflow.DeclineAsync(id, body.Version, a, body.Reason ?? "", cancel),
                "submit" => await workflow.SubmitAsync(id, body.Version, a, body.Account, cancel),
                "pass" => await workflow.PassAsync(id, body.Version, a, body.Amount, body.Reason, cancel),
                "return" => await workflow.ReturnAsync(id, body.Version, a, body.Reason ?? "", cancel),
                "reject" => await workflow.RejectAsync(id, body.Version, a, body.Reason ?? "", cancel),
                "release" => await workflow.ReleaseAsync(id, body.Version, a, cancel),
                "pay" => await workflow.PayAsync(id, body.Version, a, body.Payer ?? "", body.Voucher ?? "", cancel),
                "rate" => await workflow.RateAsync(id, body.Version, a, body.Score ?? 0, body.Reason, cancel),
                _ => throw CaseException.Invalid($"未知的办理环节“{step}”", $"unknown step '{step}'"),
            };
            return TypedResults.Ok(c);
        }
        catch (CaseException e)
        {
            return Refused(e);
        }
    }

    /// <summary>A refused step as ProblemDetails: the Chinese reason for people, the English one for logs and clients.</summary>
    public static IResult Refused(CaseException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return TypedResults.Problem(
            title: e.Problem switch
            {
                CaseProblem.NotFound => "未找到 / not found",
                CaseProblem.Forbidden => "无权办理 / forbidden",
                CaseProblem.Conflict => "办理冲突 / conflict",
                _ => "请求有误 / bad request",
            },
            detail: $"{e.Chinese} / {e.Message}",
            statusCode: CasesExtensions.StatusOf(e.Problem),
            extensions: new Dictionary<string, object?> { ["chinese"] = e.Chinese, ["english"] = e.Message });
    }
}
