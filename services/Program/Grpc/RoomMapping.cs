using EventPlatform.Domain;
using EventPlatform.Program.Application.Rooms;
using EventPlatform.Program.Domain.Rooms;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Program.V1;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Program.Grpc;

internal static class RoomMapping
{
    public static CreateRoom ToCommand(Proto.CreateRoomRequest request)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);

        var eventId = input.Capture(() => (Domain.Events.EventId?)Ids.Event(request.EventId));
        var name = input.Capture(() => RoomName.Create(request.Name));
        var capacity = input.Capture(() => (RoomCapacity?)RoomCapacity.Create(request.Capacity));
        input.ThrowIfInvalid();
        return new CreateRoom(request.RequestId, eventId!.Value, name!, capacity!.Value);
    }

    public static (RoomName? Name, RoomCapacity? Capacity) ToRevision(Proto.UpdateRoomRequest request)
    {
        var input = new InputValidation();
        var name = request.HasName ? input.Capture(() => RoomName.Create(request.Name)) : null;
        var capacity = request.HasCapacity ? input.Capture(() => (RoomCapacity?)RoomCapacity.Create(request.Capacity)) : null;
        input.ThrowIfInvalid();
        return (name, capacity);
    }

    public static Proto.Room ToContract(this Room r) => new()
    {
        Id = r.Id.ToString(),
        EventId = r.EventId.ToString(),
        Name = r.Name.Value,
        Capacity = r.Capacity.Seats,
        CreateTime = Timestamp.FromDateTimeOffset(r.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(r.UpdatedAt),
    };
}
