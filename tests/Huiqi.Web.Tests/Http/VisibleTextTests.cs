using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Huiqi.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// What a person reads is Chinese in the bureau's words (issue 16, item 1): every demo role signs in and reads every
/// page it reaches from the home page and the menus, plus the detail pages (a case, a notice, a clause, a document, an
/// enterprise, a library member); the visible text may hold no catalogue id (<c>zz2023-23/9</c>), no code of a
/// vocabulary (<c>china-manufacturing-500</c>, <c>city</c>), no English word outside <see cref="AllowedWords"/>, and no
/// placeholder. Ids stay in URLs, the API, exports and the elements marked technical (<c>class="tech"</c>: an
/// administrator's detail view, an id column beside its name), which are not read.
/// </summary>
public sealed partial class VisibleTextTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>
    /// English a bureau writes itself: the USCC's abbreviation, file formats and paper, the platform's interfaces.
    /// </summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "USCC", // 统一社会信用代码, as the forms of the bureaus abbreviate it
        "Excel", "xlsx", "PDF", "JPG", "PNG", "MB", "A4", // file formats, sizes and the paper a notice is printed on
        "Ctrl", // the key that prints a page (Ctrl+P)
        "API", // the platform's interface, named on the administrator's pages
        "SHA", "HMAC", // the fingerprints of attachments and the decision log's keyed chain, as the audit describes them
        "IPO", "IPv6", "NB", "IoT", "MEMS", "AA", // written so in the policy texts themselves (original sentences quoted)
    };

    /// <summary>
    /// Identifiers a bureau writes and reads itself: a finance office's voucher number (SCZ2024-000121, as typed on the
    /// payment form), a patent number (ZL202210000001.X), a fingerprint in hexadecimal (compared by eye with a file).
    /// </summary>
    [GeneratedRegex(@"^(?:[A-Z]{2,4}\d{4}-\d+|ZL\d{8,}\.[0-9X]|[0-9a-f]{12,})$")]
    private static partial Regex OwnIdentifier();

    /// <summary>
    /// Pages or parts of pages that are being rewritten in their own change and are not read yet; each entry goes when
    /// its page speaks the bureau's words. Keep it short and explicit.
    /// </summary>
    private static readonly (string Path, string? Part, string Why)[] NotYetRead =
    [
    ];

    private const int PagesPerPattern = 3;
    private const int PagesPerRole = 90;

    [Fact]
    public async Task Every_page_of_every_role_speaks_the_bureaus_words()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var forbidden = Forbidden(app);
        var accounts = await AccountsAsync(app);
        var faults = new StringBuilder();
        var read = new StringBuilder();
        foreach (var (role, user) in accounts)
        {
            using var client = await app.SignedInAsync(user);
            var pages = 0;
            await foreach (var (url, html) in CrawlAsync(client, await SeedsAsync(app, client)))
            {
                pages++;
                foreach (var (text, why) in Offending(Visible(url, html), forbidden))
                {
                    faults.AppendLine($"{url} [{role}] {why}: «{text}»");
                }
            }

            read.Append($"{role} {pages} pages; ");
        }

        Assert.True(faults.Length == 0, $"{read}\n{faults}");
    }

    /// <summary>The demo accounts of each role: an enterprise, its district's reviewer and finance office, the city's offices, the administrator.</summary>
    private static async Task<IReadOnlyList<(string Role, string User)>> AccountsAsync(HuiqiApp app)
    {
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[0];
        var slug = HuiqiApp.Slug(district);
        return
        [
            ("enterprise", uscc), ("district-reviewer", slug + "-review"), ("district-finance", slug + "-finance"),
            ("city-reviewer", "city-review"), ("city-finance", "city-finance"), ("admin", "admin"),
        ];
    }

    /// <summary>
    /// Where reading starts: the home page (its menus lead on), and the detail pages a crawl might not reach within its
    /// bound: the role's first case and notice, a clause and document of each kind, a library member.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SeedsAsync(HuiqiApp app, HttpClient client)
    {
        var seeds = new List<string> { "/", "/policies" };
        var engine = app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>();
        seeds.AddRange(engine.Catalog.Documents.Select(d => Pages.Show.DocumentUrl(d.Id)));
        // A clause of each document: the draft's, a referral and an amount's pages differ.
        seeds.AddRange(engine.Catalog.Clauses.GroupBy(c => c.Document.Id).Select(g => Pages.Show.ClauseUrl(g.First().Id)));
        var cases = JsonDocument.Parse(await client.GetStringAsync("/api/cases")).RootElement.GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetInt64()).Take(2);
        seeds.AddRange(cases.Select(id => $"/cases/{id}"));
        return seeds;
    }

    /// <summary>
    /// Pages reached from the seeds by their links, breadth first: same site, GET, HTML only; at most
    /// <see cref="PagesPerPattern"/> of one shape (a case, a clause, one list with the same filters) and
    /// <see cref="PagesPerRole"/> in all.
    /// </summary>
    private static async IAsyncEnumerable<(string Url, string Html)> CrawlAsync(HttpClient client, IEnumerable<string> seeds)
    {
        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        var count = 0;
        while (queue.Count > 0 && count < PagesPerRole)
        {
            var url = queue.Dequeue();
            var shape = Shape(url);
            if (shapes.GetValueOrDefault(shape) >= PagesPerPattern)
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            count++;
            var html = await response.Content.ReadAsStringAsync();
            yield return (url, html);
            foreach (var link in parser.ParseDocument(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Followed(url, link) is { } next && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    /// <summary>A link to read: on this site, a page (not a download, the API or signing out), without its fragment.</summary>
    private static string? Followed(string from, string href)
    {
        var site = new Uri("https://localhost");
        var target = new Uri(new Uri(site, from), href.Split('#')[0]);
        if (target.Host != site.Host || target.Scheme != site.Scheme)
        {
            return null;
        }

        var (path, link) = (target.AbsolutePath, target.PathAndQuery);
        string[] skipped = ["/api/", "/openapi/", "/account/", "/css/", "/healthz"];
        return skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || link.Contains("export", StringComparison.OrdinalIgnoreCase)
            || path.Contains('.', StringComparison.Ordinal) && !path.StartsWith("/policies", StringComparison.Ordinal)
            ? null : link;
    }

    /// <summary>A page's shape: its path with every id made one (a segment with anything but letters), and its query's names.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(s => LetterSegment().IsMatch(s) ? s : "#"));
        var query = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + query;
    }

    /// <summary>The text a person sees on the page: the title, the body's text and the attributes read aloud or shown on hover, without what is technical or not yet read.</summary>
    /// <summary>
    /// What a page as the browser shows it says outside the bureau's words, one line per fault; the browser tests read
    /// their screenshots' pages with it.
    /// </summary>
    internal static IReadOnlyList<string> Faults(HuiqiApp app, string url, string html) =>
        [.. Offending(Visible(url, html), Forbidden(app)).Select(f => $"{f.Why}: «{f.Text}»")];

    private static string Visible(string url, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var path = url.Split('?')[0];
        if (NotYetRead.Any(n => n.Part is null && Matches(n.Path, path)))
        {
            return "";
        }

        var removed = document.QuerySelectorAll("script, style, template, .tech").ToList();
        foreach (var (_, part, _) in NotYetRead.Where(n => n.Part is not null && Matches(n.Path, path)))
        {
            removed.AddRange(Part(document, part!));
        }

        foreach (var element in removed)
        {
            element.Remove();
        }

        var body = document.Body!;
        var text = new StringBuilder(document.Title).Append('\n');
        foreach (var element in body.Descendants<IElement>().Prepend(body))
        {
            foreach (var name in (string[])["title", "alt", "placeholder", "aria-label"])
            {
                if (element.GetAttribute(name) is { } value)
                {
                    text.Append(value).Append('\n');
                }
            }
        }

        foreach (var node in body.Descendants<IText>())
        {
            text.Append(node.Data).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A part of a page: a CSS selector, or <c>h2=用例</c> for a heading and what follows it up to the next heading.</summary>
    private static IEnumerable<IElement> Part(IDocument document, string part)
    {
        if (!part.StartsWith("h2=", StringComparison.Ordinal))
        {
            return document.QuerySelectorAll(part);
        }

        var found = new List<IElement>();
        foreach (var heading in document.QuerySelectorAll("h2").Where(h => h.TextContent.Trim() == part[3..]))
        {
            found.Add(heading);
            for (var next = heading.NextElementSibling; next is not null && next.LocalName != "h2"; next = next.NextElementSibling)
            {
                found.Add(next);
            }
        }

        return found;
    }

    /// <summary>Whether a page is under an entry: <c>*</c> stands for one segment; a path without it covers the pages below it too.</summary>
    private static bool Matches(string pattern, string path)
    {
        var (p, s) = (pattern.Split('/'), path.Split('/'));
        return (pattern.Contains('*', StringComparison.Ordinal) ? s.Length == p.Length : s.Length >= p.Length)
            && p.Zip(s).All(x => x.First == "*" || x.First.Equals(x.Second, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The words no page may show, with what they are: the catalogue's ids, the vocabularies' codes.</summary>
    private static Dictionary<string, string> Forbidden(HuiqiApp app)
    {
        var catalog = app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in Vocabulary.Codes.Concat(Huiqi.Store.Roles.All).Concat(Huiqi.Cases.CaseStatuses.All.Select(Huiqi.Cases.CaseStatuses.Code)).Where(c => c.All(char.IsAscii)))
        {
            words[code] = "vocabulary code";
        }

        foreach (var d in catalog.Documents)
        {
            words[d.Id] = "document id";
        }

        foreach (var c in catalog.Clauses)
        {
            words[c.Id] = "clause id";
        }

        return words;
    }

    /// <summary>Each offending piece of text, with why.</summary>
    private static IEnumerable<(string Text, string Why)> Offending(string text, Dictionary<string, string> forbidden)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            yield return (m.Value, "placeholder");
        }

        foreach (Match m in AsciiToken().Matches(text))
        {
            var token = m.Value;
            if (forbidden.TryGetValue(token, out var what))
            {
                yield return (Around(text, m), what);
            }
            else if (Huiqi.Engine.Input.Uscc.IsValid(token) || OwnIdentifier().IsMatch(token))
            {
                continue;
            }
            else if (EnglishWord().Matches(token).Select(w => w.Value).FirstOrDefault(w => !AllowedWords.Contains(w) && !AllowedWords.Contains(token)) is { } word)
            {
                yield return (Around(text, m), $"English word {word}");
            }
        }
    }

    private static string Around(string text, Match m)
    {
        var from = Math.Max(0, m.Index - 12);
        var to = Math.Min(text.Length, m.Index + m.Length + 12);
        return text[from..to].ReplaceLineEndings(" ").Trim();
    }

    [GeneratedRegex(@"^[\p{L}_]+$")]
    private static partial Regex LetterSegment();

    /// <summary>A run of ASCII letters, digits and the joiners ids are written with (<c>zz2023-23/9</c>, <c>sj-sangao/3.4</c>, <c>system@demo</c>).</summary>
    [GeneratedRegex(@"[A-Za-z0-9](?:[A-Za-z0-9_@./-]*[A-Za-z0-9])?")]
    private static partial Regex AsciiToken();

    /// <summary>Two ASCII letters or more: a word (a single letter is a label, 项目P1 or 类别A).</summary>
    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"\{\d+\}|\bnull\b|\bundefined\b|\bTODO\b|\bNaN\b")]
    private static partial Regex Placeholder();
}
