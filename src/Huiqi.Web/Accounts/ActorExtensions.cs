namespace Huiqi.Web.Accounts;

/// <summary>The signed-in user as the domain sees them (<see cref="Actor"/>), mapped from the claims once per request.</summary>
public static class ActorExtensions
{
    private static readonly object Key = new();

    /// <summary>
    /// The request's actor: the account, its role, district or USCC, and the client's address for the decision log. Read
    /// from the claims on first use and kept for the rest of the request, so every page, endpoint and view of one
    /// request sees the same actor.
    /// </summary>
    public static Actor Actor(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var known) && known is Actor actor)
        {
            return actor;
        }

        actor = Store.Actor.Of(http.User, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        http.Items[Key] = actor;
        return actor;
    }
}
