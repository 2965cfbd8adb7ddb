namespace Huiqi.Engine.Output;

/// <summary>Decimals written as values, not as the scale they were computed at.</summary>
internal static class Decimals
{
    /// <summary>
    /// The bits of <c>value / 1.000000000000000000000000000000000m</c> (the mantissa's trailing zeros taken off while
    /// there is scale; 3600000.00 → 3600000, 0.150 → 0.15), without a 96-bit division: every amount of every answer
    /// goes through here.
    /// </summary>
    public static decimal WithoutTrailingZeros(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (scale == 0)
        {
            return value;
        }

        var low = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        var high = unchecked((uint)bits[2]);
        if (low == 0 && high == 0)
        {
            // A zero loses its scale, not its sign, as the division leaves it.
            return new decimal(0, 0, 0, bits[3] < 0, 0);
        }

        if (high == 0)
        {
            while (scale > 0 && low % 10 == 0)
            {
                low /= 10;
                scale--;
            }
        }
        else
        {
            var m = new UInt128(high, low);
            while (scale > 0 && m % 10 == 0)
            {
                m /= 10;
                scale--;
            }

            low = unchecked((ulong)m);
            high = unchecked((uint)(m >> 64));
        }

        return new decimal(unchecked((int)low), unchecked((int)(low >> 32)), unchecked((int)high), bits[3] < 0, (byte)scale);
    }
}
