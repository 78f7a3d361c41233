namespace Switchboard.Common.Buffers;

/// <summary>
/// Source of byte arrays for I/O. Whoever rents an array returns it exactly once, to the pool it came from; a
/// returned array must not be touched again. Tests substitute a leak-checking pool (Switchboard.TestKit).
/// </summary>
public interface IBufferPool
{
    /// <summary>Rents an array of at least <paramref name="minimumLength"/> bytes (it may be longer).</summary>
    byte[] Rent(int minimumLength);

    /// <summary>Gives back an array rented from this pool.</summary>
    void Return(byte[] array);
}
