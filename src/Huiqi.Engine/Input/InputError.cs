namespace Huiqi.Engine.Input;

/// <summary>
/// One thing wrong with a dossier (输入错误): where (a JSON path relative to the dossier object, e.g.
/// <c>honors[0].kind</c>, or <c>(root)</c> for the whole of it), the value found, and the rule it breaks, in Chinese
/// for the people who use the platform and in English for the people who build it. Input errors are reported,
/// never dropped: a fact the platform silently ignores is an award silently lost.
/// </summary>
public sealed record InputError(string Path, string? Value, string Chinese, string English)
{
    /// <summary>The path of the dossier object itself.</summary>
    public const string Root = "(root)";

    public override string ToString() => $"{Path}: {Chinese} / {English}";
}
