namespace Huiqi.Engine.Catalog;

/// <summary>A fault in a policy file, named by file and line so a policy officer can open it and fix it.</summary>
public sealed record CatalogError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown while reading one clause; the loader records it and goes on with the next clause.</summary>
public sealed class CatalogException(string file, int line, string message) : Exception(message)
{
    public CatalogError Error { get; } = new(file, line, message);
}
