using System.Collections;
using System.Reflection;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Tests.Input;

/// <summary>
/// The contract's field table holds together: every property of a section's record is a field of the table, and what
/// a section's Create makes from its fields' values, its getters give back, field by field (an index mixed up in the
/// table shows here, not as a quietly lost fact).
/// </summary>
public class FactFieldsTests
{
    public static TheoryData<string> Sections() => [.. FactFields.Sections.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_property_of_the_record_is_a_field_of_the_table(string name)
    {
        var section = FactFields.Sections.Single(s => s.Name == name);
        var record = section.GetType().GetGenericArguments()[0];
        var properties = record.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.Equal(properties.Length, section.Fields.Count);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void What_Create_makes_the_getters_give_back(string name)
    {
        var section = FactFields.Sections.Single(s => s.Name == name);
        var values = new FieldValues(section.Fields.Count);
        for (var k = 0; k < section.Fields.Count; k++)
        {
            values[k] = Sample(section.Fields[k], k);
        }

        var check = typeof(FactFieldsTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(section.GetType().GetGenericArguments()[0]);
        check.Invoke(null, [section, values]);
    }

    [Fact]
    public void Field_names_are_distinct_within_each_section_and_the_dossier()
    {
        foreach (var section in FactFields.Sections)
        {
            Assert.Equal(section.Fields.Count, section.Fields.Select(f => f.Name).Distinct().Count());
        }

        var top = FactFields.Head.Select(f => f.Name).Concat(FactFields.Sections.Select(s => s.Name)).ToList();
        Assert.Equal(top.Count, top.Distinct().Count());
    }

    private static void RoundTrip<T>(FactSection<T> section, FieldValues values)
        where T : class
    {
        var item = section.Create(values);
        for (var k = 0; k < section.Fields.Count; k++)
        {
            var expected = values[k].Boxed;
            var actual = section.Typed[k].Get(item).Boxed;
            if (expected is IEnumerable e && expected is not string)
            {
                Assert.Equal(Entries(e), Entries((IEnumerable)actual!));
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }
    }

    private static List<string> Entries(IEnumerable series) => [.. series.Cast<object>().Select(o => o.ToString()!).Order(StringComparer.Ordinal)];

    /// <summary>A good value of the field's kind, different from field to field.</summary>
    private static FieldValue Sample(FactField field, int k) => field.Kind switch
    {
        FieldKind.Word => FieldValue.Of(field.Vocabulary!.Keys.Last()),
        FieldKind.Uscc => FieldValue.Of(Uscc.WithCheckCharacters("91410100MA315956")),
        FieldKind.Clause => FieldValue.Of("zz2023-23/15"),
        FieldKind.Money or FieldKind.Area => FieldValue.Of(1000m + k),
        FieldKind.Rate => FieldValue.Of(0.125m),
        FieldKind.Integer => FieldValue.Of(field.Min + 7 + k),
        FieldKind.Year => FieldValue.Of(2010 + k),
        FieldKind.Date => FieldValue.Of(new DateOnly(2024, 1, 1).AddDays(k)),
        FieldKind.Bool => FieldValue.Of(true),
        FieldKind.Series => FieldValue.Of(new Dictionary<Period, decimal> { [Period.Parse("2023Q1")] = 5m + k }),
        FieldKind.YearSeries => FieldValue.Of(new Dictionary<int, decimal> { [2024] = 7m + k }),
        _ => FieldValue.Of($"text {k}"),
    };
}
