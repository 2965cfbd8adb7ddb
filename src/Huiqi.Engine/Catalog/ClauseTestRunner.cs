using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Catalog;

/// <summary>The outcome of one case written next to a clause.</summary>
public sealed record ClauseTestResult(Clause Clause, ClauseTest Test, bool Passed, string Message)
{
    public override string ToString() => $"{Clause.File}:{Test.Line}: {Clause.Id} “{Test.Name}”: {Message}";
}

/// <summary>
/// Runs the cases of the catalogue (a dossier fragment, a year, the amount the text gives). The same runner serves
/// <c>huiqi catalog check</c> and the test suite, so a case an officer writes is a test the build runs.
/// </summary>
public static class ClauseTestRunner
{
    /// <summary>Filled in when a case's dossier leaves them out: a valid code, a name and a district.</summary>
    public const string DefaultUscc = "91410100MA3159566W";

    public static ClauseTestResult Run(PolicyCatalog catalog, Clause clause, ClauseTest test)
    {
        Answer answer;
        try
        {
            answer = Evaluate(catalog, clause, test.DossierJson, test.Year, test.InForceFrom, test.Readings);
        }
        catch (ArgumentException e)
        {
            return new(clause, test, false, e.Message);
        }

        var amount = answer.Awards.Where(a => a.Clause == clause.Id).Sum(a => a.Amount);
        var problems = new List<string>();
        if (amount != test.Amount)
        {
            problems.Add($"应付 {test.Amount} 元，实得 {amount} 元 / expected {test.Amount}, got {amount}");
        }

        if (test.ExpectReferral && !answer.Referrals.Any(r => r.Clause == clause.Article))
        {
            problems.Add("应转人工（referrals）但没有 / expected a referral");
        }

        if (test.NotPaidContains is { } np && !answer.NotPaid.Any(n => n.Clause == clause.Id && n.Reason.Contains(np, StringComparison.Ordinal)))
        {
            problems.Add($"notPaid 中应有“{np}” / expected a notPaid reason containing '{np}'; got: {string.Join(" | ", answer.NotPaid.Select(n => n.Reason))}");
        }

        if (test.BecauseContains is { } bc && !answer.Awards.Any(a => a.Clause == clause.Id && a.Because.Contains(bc, StringComparison.Ordinal)))
        {
            problems.Add($"because 中应有“{bc}” / expected an award sentence containing '{bc}'; got: {string.Join(" | ", answer.Awards.Where(a => a.Clause == clause.Id).Select(a => a.Because))}");
        }

        foreach (var a in answer.Awards.Where(a => a.Clause == clause.Id))
        {
            if (a.CityShare + a.DistrictShare != a.Amount)
            {
                problems.Add($"市级{a.CityShare}+区级{a.DistrictShare}≠{a.Amount}");
            }
        }

        return new(clause, test, problems.Count == 0, problems.Count == 0 ? "通过 / passed" : string.Join("; ", problems));
    }

    /// <summary>
    /// Evaluates a dossier fragment (uscc, name and district filled in when left out) for an award year, with the
    /// clause's document put in force from a day and some readings flipped where given. An invalid fragment is an
    /// <see cref="ArgumentException"/> naming its errors.
    /// </summary>
    public static Answer Evaluate(PolicyCatalog catalog, Clause clause, string dossierJson, int year, DateOnly? inForceFrom, IReadOnlyDictionary<string, string>? readings)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clause);
        var json = dossierJson;
        json = Fill(json, "uscc", DefaultUscc);
        json = Fill(json, "name", "测试企业");
        json = Fill(json, "district", "郑州高新区");
        var read = DossierReader.Read(json);
        if (!read.Ok)
        {
            throw new ArgumentException("用例的企业档案有误 / the case's dossier is invalid: " + string.Join("; ", read.Errors), nameof(dossierJson));
        }

        var used = readings is { Count: > 0 } r ? catalog.WithReadings(r) : catalog;
        var options = new EvaluationOptions
        {
            InForceFrom = inForceFrom is { } from ? new Dictionary<string, DateOnly> { [clause.Document.Id] = from } : new Dictionary<string, DateOnly>(),
        };
        return new Evaluator(used).Evaluate(read.Dossier!, year, options);
    }

    /// <summary>Runs every case of the catalogue.</summary>
    public static IReadOnlyList<ClauseTestResult> RunAll(PolicyCatalog catalog) =>
        catalog.Clauses.SelectMany(c => c.Tests.Select(t => Run(catalog, c, t))).ToList();

    private static string Fill(string json, string key, string value)
    {
        if (json.Contains($"\"{key}\":", StringComparison.Ordinal))
        {
            return json;
        }

        var body = json.Trim();
        var inner = body[1..^1].Trim();
        return "{" + $"\"{key}\":\"{value}\"" + (inner.Length > 0 ? "," + inner : "") + "}";
    }
}
