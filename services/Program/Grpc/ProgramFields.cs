using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Program.Grpc;

/// <summary>The fields program's domain names, as its contracts name them.</summary>
public static class ProgramFields
{
    public static readonly ContractFieldNames Names = new(new Dictionary<string, string>
    {
        ["Name"] = "name",
        ["Capacity"] = "capacity",
        ["Bio"] = "bio",
        ["Affiliation"] = "affiliation",
        ["Email"] = "email",
        ["PhotoUrl"] = "photo_url",
        ["Title"] = "title",
        ["Abstract"] = "abstract",
        ["Track"] = "track",
        ["Slot.End"] = "end_time",
        ["Speakers"] = "speaker_ids",
        ["CancellationReason"] = "reason",
    });
}
