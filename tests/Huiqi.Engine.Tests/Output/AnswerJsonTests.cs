using System.Text.Json;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;

namespace Huiqi.Engine.Tests.Output;

public class AnswerJsonTests
{
    private static readonly AwardLine Award = new("zz2023-23/9", "P1", Yuan.Of(3600000.00m), Yuan.Of(3600000.00m), Yuan.Of(0.00m), "技术改造项目P1 设备投资2400万元×15%=360万元");

    private static Answer Full() => new(
        "91410100MA3159566W",
        2024,
        [Award, new AwardLine("zz2023-23/5", null, Yuan.Of(4000000m), Yuan.Of(4000000m), Yuan.Zero, "主营业务收入首次超过100亿元")],
        [new Referral("zz2023-23/8", "P2", "重大工业项目，一事一议")],
        [new NotPaid("zzw2022-155/10", null, "有效期已过")],
        ["zjtx-reserve"],
        [new Hint("zz2023-23/7", "mainRevenue", 2024, 4000000m, 100000m, "再增加400万元可再获奖励10万元")],
        [new TraceEntry("zz2023-23/9", "总投资3000万元≥1000万元", true)]);

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Keys_come_in_the_contract_order()
    {
        using var json = JsonDocument.Parse(AnswerJson.ToJson(Full(), indented: false));
        var root = json.RootElement;

        Assert.Equal(["uscc", "year", "awards", "referrals", "notPaid", "libraries", "hints", "trace", "total"], Keys(root));
        Assert.Equal(["clause", "item", "amount", "cityShare", "districtShare", "because"], Keys(root.GetProperty("awards")[0]));
        Assert.Equal(["clause", "item", "reason"], Keys(root.GetProperty("referrals")[0]));
        Assert.Equal(["clause", "metric", "year", "needed", "wouldPay", "text"], Keys(root.GetProperty("hints")[0]));
        Assert.Equal(["clause", "check", "passed"], Keys(root.GetProperty("trace")[0]));
        Assert.Equal("zjtx-reserve", root.GetProperty("libraries")[0].GetString());
    }

    [Fact]
    public void An_absent_item_is_left_out()
    {
        using var json = JsonDocument.Parse(AnswerJson.ToJson(Full()));

        Assert.Equal(["clause", "amount", "cityShare", "districtShare", "because"], Keys(json.RootElement.GetProperty("awards")[1]));
        Assert.Equal(["clause", "reason"], Keys(json.RootElement.GetProperty("notPaid")[0]));
    }

    [Fact]
    public void Hints_and_trace_appear_only_when_asked_for()
    {
        var plain = Full() with { Hints = null, Trace = null };

        using var json = JsonDocument.Parse(AnswerJson.ToJson(plain));

        Assert.Equal(["uscc", "year", "awards", "referrals", "notPaid", "libraries", "total"], Keys(json.RootElement));
    }

    [Fact]
    public void Empty_lists_are_written_as_empty_arrays()
    {
        var none = new Answer("91410100MA3159566W", 2024, [], [], [], [], [], null);

        Assert.Equal("""{"uscc":"91410100MA3159566W","year":2024,"awards":[],"referrals":[],"notPaid":[],"libraries":[],"hints":[],"total":0}""", AnswerJson.ToJson(none));
    }

    [Fact]
    public void Decimals_are_written_without_trailing_zeros()
    {
        var answer = new Answer("91410100MA3159566W", 2024, [Award with { CityShare = Yuan.Of(0.150m), DistrictShare = Yuan.Of(12.50m) }], [], [], [], null, null);

        var json = AnswerJson.ToJson(answer);

        Assert.Contains("\"amount\":3600000,\"cityShare\":0.15,\"districtShare\":12.5,", json);
        Assert.EndsWith("\"total\":3600000}", json);
    }

    [Fact]
    public void Chinese_is_written_unescaped() =>
        Assert.Contains("\"reason\":\"重大工业项目，一事一议\"", AnswerJson.ToJson(Full()));

    [Fact]
    public void Total_is_the_sum_of_the_awards()
    {
        using var json = JsonDocument.Parse(AnswerJson.ToJson(Full()));

        Assert.Equal(7600000m, json.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void Total_follows_the_awards_of_a_copied_answer()
    {
        var fewer = Full() with { Awards = [Award] };

        using var json = JsonDocument.Parse(AnswerJson.ToJson(fewer));

        Assert.Equal(3600000m, json.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void Indented_output_uses_line_feeds_and_the_same_content()
    {
        var indented = AnswerJson.ToJson(Full(), indented: true);

        Assert.Contains("\n  \"year\": 2024,", indented);
        Assert.DoesNotContain('\r', indented);
        Assert.Equal(AnswerJson.ToJson(Full()), JsonSerializerRoundTrip(indented));
    }

    private static string JsonSerializerRoundTrip(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Errors_are_written_with_path_value_and_both_languages()
    {
        var errors = DossierReader.Read("""{ "uscc": "91410100MA81678721", "name": "甲", "district": "金水区", "relocatedOn": null, "extra": [1] }""").Errors;

        var json = ErrorJson.ToJson(errors);

        using var document = JsonDocument.Parse(json);
        var list = document.RootElement.GetProperty("errors");
        Assert.Equal(2, list.GetArrayLength());
        var first = list.EnumerateArray().Single(e => e.GetProperty("path").GetString() == "uscc");
        Assert.Equal(["path", "value", "message", "chinese", "english"], Keys(first));
        Assert.Equal("91410100MA81678721", first.GetProperty("value").GetString());
        Assert.Equal("统一社会信用代码校验位错误 / the USCC check character does not match (GB 32100-2015)", first.GetProperty("message").GetString());
        Assert.Contains("统一社会信用代码校验位错误", json);
    }

    [Fact]
    public void An_error_without_a_value_writes_null()
    {
        var json = ErrorJson.ToJson([new InputError("name", null, "缺少必填字段“name”", "required field 'name' is missing")]);

        Assert.Equal("""{"errors":[{"path":"name","value":null,"message":"缺少必填字段“name” / required field 'name' is missing","chinese":"缺少必填字段“name”","english":"required field 'name' is missing"}]}""", json);
    }
}
