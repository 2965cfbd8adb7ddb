using System.Globalization;
using Huiqi.Engine.Catalog;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>How the simulation pages write changes of amounts and the faults of a reform.</summary>
public static class SimulationShow
{
    /// <summary>An amount with its sign, as the documents write amounts: +500万元, −2万元, 0元.</summary>
    public static string Signed(decimal yuan) => yuan > 0 ? "+" + Show.Money(yuan) : yuan < 0 ? "−" + Show.Money(-yuan) : "0元";

    /// <summary>A change in yuan for a table: +1,234,567 or −1,234 or 0.</summary>
    public static string SignedYuan(decimal yuan) => yuan > 0 ? "+" + Show.Yuan(yuan) : yuan < 0 ? "−" + Show.Yuan(-yuan) : "0";

    /// <summary>Yuan in 万元, for the charts (the tables beside them keep the yuan).</summary>
    public static decimal Wan(decimal yuan) => yuan / 10_000m;

    /// <summary>The class of a change: gains in green, losses in red.</summary>
    public static string Trend(decimal delta) => delta > 0 ? "up" : delta < 0 ? "down" : "";

    /// <summary>A fault of a reform in Chinese: the messages carry Chinese, then the English after " / ".</summary>
    public static string Chinese(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.IndexOf(" / ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    /// <summary>Where a fault is: 第N行 of the file handed in.</summary>
    public static string Where(CatalogError e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{e.File} 第 {e.Line} 行") : e.File;
    }

    public static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
