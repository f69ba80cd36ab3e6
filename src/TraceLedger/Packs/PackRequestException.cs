namespace TraceLedger.Packs;

/// <summary>A pack request (commissioning, recall, alert closing, …) was refused; the message names the problem.</summary>
public sealed class PackRequestException : Exception
{
    public PackRequestException()
    {
    }

    public PackRequestException(string message)
        : base(message)
    {
    }

    public PackRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static void Require(string? problem)
    {
        if (problem is not null)
        {
            throw new PackRequestException(problem);
        }
    }
}
