using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages;

/// <summary>The page shown for an error status (404, 500 …) of a page; the API answers ProblemDetails instead.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "未找到（404）",
        403 => "无权访问（403）",
        400 => "请求有误（400）",
        413 => "上传内容过大（413）",
        429 => "请求过于频繁（429）",
        _ => $"出错了（{Code}）",
    };

    public string Text => Code switch
    {
        404 => "没有这个页面，或您要查看的企业不存在、不在您的权限范围内。",
        403 => "您的账号没有执行此操作的权限。",
        400 => "请求无法处理：表单可能已过期，请刷新页面后重试。",
        413 => "提交的内容超过了允许的大小（附件每个不超过 10 MB），请缩小文件后重试。",
        429 => "来自您地址的请求过多，请稍后再试。",
        _ => "服务器处理请求时出错，请稍后再试；问题持续时请联系系统管理员。",
    };

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    /// <summary>
    /// The status of the request this page stands in for (re-executed after an error or an error status); opened
    /// directly it stands for nothing, so it is a 404, not a 500 whatever the query says.
    /// </summary>
    private void Set(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = !reExecuted ? 404 : code is >= 400 and <= 599 ? code.Value : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : 500;
        Response.StatusCode = Code;
    }
}
