using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Huiqi.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The application on a real socket (Kestrel on 127.0.0.1) with low limits, called from chosen loopback addresses
/// (127.0.0.x), so that each test is its own client address and the server enforces body limits as in production.
/// </summary>
public sealed class LimitedApp : IAsyncLifetime
{
    /// <summary>Anonymous requests allowed per address in the (hour-long) window.</summary>
    public const int Permits = 8;

    /// <summary>Failed sign-ins allowed per address; the account lockout stays at 5.</summary>
    public const int Failures = 3;

    /// <summary>The one proxy whose X-Forwarded-For is believed.</summary>
    public const string Proxy = "127.0.0.9";

    private HuiqiApp? _app;

    public HuiqiApp App => _app!;

    public Uri Address { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _app = HuiqiApp.Sqlite(new Dictionary<string, string>
        {
            ["Huiqi:RateLimits:Anonymous:PermitLimit"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Huiqi:RateLimits:Anonymous:WindowSeconds"] = "3600",
            ["Huiqi:RateLimits:SignInFailures:PermitLimit"] = Failures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Huiqi:ForwardedHeaders:KnownProxies:0"] = Proxy,
        });
        Address = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (a 127.0.0.x address), keeping cookies.</summary>
    public HttpClient From(string source, CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies ?? new CookieContainer(),
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = Address };

    /// <summary>
    /// A post over a raw connection from <paramref name="source"/>: <paramref name="prefix"/>, then
    /// <paramref name="fill"/> bytes of <paramref name="filler"/>, chunked with no length announced, the answer read
    /// while the body is still being sent, as a client pushing a large body at the server would. Answers the response
    /// as text and how many body bytes the server took before it answered or closed.
    /// </summary>
    public async Task<(string Answer, long Sent)> StreamAsync(string source, string requestLine, string[] headers, string contentType, byte[] prefix, byte filler, long fill)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
        await socket.ConnectAsync(Address.Host, Address.Port);
        await using var stream = new NetworkStream(socket);
        var head = new StringBuilder($"{requestLine} HTTP/1.1\r\nHost: {Address.Authority}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n");
        foreach (var h in headers)
        {
            head.Append(h).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()));
        var answer = Task.Run(async () =>
        {
            var received = new MemoryStream();
            var buffer = new byte[8192];
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0)
                {
                    received.Write(buffer, 0, n);
                }
            }
            catch (IOException)
            {
                // The server resets the connection once it has answered; what came before is the answer.
            }

            return Encoding.UTF8.GetString(received.ToArray());
        });

        static byte[] Chunk(byte[] data) => [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8];
        var block = Chunk(Enumerable.Repeat(filler, 0x10000).ToArray());
        long sent = 0;
        try
        {
            await stream.WriteAsync(Chunk(prefix));
            while (sent < fill && !answer.IsCompleted)
            {
                await stream.WriteAsync(block);
                sent += 0x10000;
            }
        }
        catch (IOException)
        {
            // Refused: the server stopped reading and closed the connection.
        }

        return (await answer.WaitAsync(TimeSpan.FromSeconds(60)), sent);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Rate limits, the sign-in throttle, forwarded addresses and body limits, as a client on the network meets them.</summary>
public sealed class EdgeLimitTests(LimitedApp limited) : IClassFixture<LimitedApp>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<HttpStatusCode> EvaluateAsync(HttpClient client, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluate?year=2024") { Content = Json(EdgeTests.Sensor) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task An_address_over_its_limit_gets_429_with_retry_after_and_others_go_on()
    {
        using var client = limited.From("127.0.0.2");
        for (var i = 0; i < LimitedApp.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await EvaluateAsync(client));
        }

        using var refused = await client.PostAsync("/api/evaluate/batch?year=2024", new StringContent(EdgeTests.Sensor));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait is { } w && w > TimeSpan.Zero && w <= TimeSpan.FromHours(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var other = limited.From("127.0.0.3");
        Assert.Equal(HttpStatusCode.OK, await EvaluateAsync(other));
    }

    [Fact]
    public async Task A_forwarded_for_header_counts_only_from_a_listed_proxy()
    {
        // From an address that is not a listed proxy, a new X-Forwarded-For on each request changes nothing.
        using var spoofer = limited.From("127.0.0.4");
        for (var i = 0; i < LimitedApp.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await EvaluateAsync(spoofer, $"203.0.113.{i + 1}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await EvaluateAsync(spoofer, "203.0.113.200"));

        // The listed proxy's header names the client: each client counts apart.
        using var proxy = limited.From(LimitedApp.Proxy);
        for (var i = 0; i < LimitedApp.Permits + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await EvaluateAsync(proxy, $"198.51.100.{i + 1}"));
        }
    }

    [Fact]
    public async Task Guessing_passwords_from_one_address_cannot_lock_the_account()
    {
        const string user = "city-review";
        using var guesser = limited.From("127.0.0.5");
        for (var i = 0; i < LimitedApp.Failures; i++)
        {
            var wrong = await guesser.PostAsJsonAsync("/api/session", new { userName = user, password = $"Guess-{i}-pass!" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // From here the address is throttled before the account's lockout count (5) is reached, on the API and the form.
        for (var i = 0; i < 4; i++)
        {
            var throttled = await guesser.PostAsJsonAsync("/api/session", new { userName = user, password = $"Guess-more-{i}!" });
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.NotNull(throttled.Headers.RetryAfter);
        }

        await using (var scope = limited.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HuiqiUser>>();
            var account = (await users.FindByNameAsync(user))!;
            Assert.False(await users.IsLockedOutAsync(account));
            Assert.Equal(LimitedApp.Failures, await users.GetAccessFailedCountAsync(account));
        }

        // The reviewer, at another address, signs in as usual.
        using var reviewer = limited.From("127.0.0.6");
        var ok = await reviewer.PostAsJsonAsync("/api/session", new { userName = user, password = HuiqiApp.Password(user) });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_is_throttled_per_address_too()
    {
        using var guesser = limited.From("127.0.0.7");
        for (var i = 0; i < LimitedApp.Failures; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Forms.SignInAsync(guesser, "city-finance", $"Guess-{i}-pass!")).StatusCode);
        }

        var throttled = await Forms.SignInAsync(guesser, "city-finance", HuiqiApp.Password("city-finance"));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("登录失败次数过多", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_body_over_4_MB_is_refused_with_413_while_it_streams_in()
    {
        var (answer, sent) = await limited.StreamAsync("127.0.0.8", "POST /api/evaluate?year=2024", [], "application/json", "{"u8.ToArray(), (byte)' ', 64L * 1024 * 1024);
        Assert.True(sent < 16L * 1024 * 1024, $"{sent} bytes of a 64 MB body were taken before the answer");
        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("4194304", answer, StringComparison.Ordinal);
        Assert.Contains("请求体超过本接口", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attachment_post_over_10_MB_is_refused_with_413_while_it_streams_in()
    {
        var c = await new CaseSteps(limited.App).PushedAsync();
        var cookies = new CookieContainer();
        using var enterprise = limited.From("127.0.0.10", cookies);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync("/api/session", new { userName = c.Uscc, password = HuiqiApp.Password(c.Uscc) })).StatusCode);
        var token = await Forms.TokenAsync(enterprise, CaseSteps.Url(c.Id));
        var cookie = cookies.GetCookieHeader(limited.Address);
        const string boundary = "huiqi-test-boundary";
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"验收报告.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n");
        var (answer, sent) = await limited.StreamAsync("127.0.0.10", $"POST {CaseSteps.Url(c.Id)}?handler=Attach", [$"Cookie: {cookie}"], $"multipart/form-data; boundary={boundary}", head, (byte)'x', 40L * 1024 * 1024);
        Assert.True(sent < 16L * 1024 * 1024, $"{sent} bytes of a 40 MB upload were taken before the answer");
        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("超过了允许的大小", answer, StringComparison.Ordinal);
    }
}
