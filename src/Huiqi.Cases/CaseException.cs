namespace Huiqi.Cases;

/// <summary>Why a step on a case was refused; the web answers each kind with its HTTP status.</summary>
public enum CaseProblem
{
    /// <summary>No such case in the actor's scope (a case of another scope looks exactly like a missing one).</summary>
    NotFound,

    /// <summary>The actor's office may not take this step.</summary>
    Forbidden,

    /// <summary>Someone else changed the case since the actor looked at it, or the step does not fit its status now.</summary>
    Conflict,

    /// <summary>The input is wrong: an amount above the engine's, a missing reason, a file of the wrong type ….</summary>
    Invalid,
}

/// <summary>A refused step, with the reason in Chinese for the page and in English for logs and the API.</summary>
public sealed class CaseException(CaseProblem problem, string chinese, string english) : Exception(english)
{
    public CaseProblem Problem { get; } = problem;

    public string Chinese { get; } = chinese;

    public static CaseException NotFound(long id) => new(CaseProblem.NotFound, $"事项 {id} 不存在或不在您的权限范围内", $"case {id} not found");

    public static CaseException Forbidden(string chinese, string english) => new(CaseProblem.Forbidden, chinese, english);

    public static CaseException Conflict(string chinese, string english) => new(CaseProblem.Conflict, chinese, english);

    public static CaseException Invalid(string chinese, string english) => new(CaseProblem.Invalid, chinese, english);
}
