using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Messaging;
using EventPlatform.Program.Application.Changes;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Application.Programs;
using EventPlatform.Program.Application.Rooms;
using EventPlatform.Program.Application.Schedule;
using EventPlatform.Program.Application.Sessions;
using EventPlatform.Program.Application.Speakers;
using EventPlatform.Program.Grpc;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Catalog = EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Program.Application.Ports;

namespace EventPlatform.Program.Extensions;

internal static class ProgramServiceExtensions
{
    public static WebApplicationBuilder AddProgram(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProgramDbContext>("programdb");
        builder.AddServiceRedis();
        // ProgramChanged leaves through the outbox in the transaction of the change; EventCancelled is applied once.
        builder.AddEventBus<ProgramDbContext>("program")
            .Subscribe<Catalog.EventCancelled, CancelSessionsOfCancelledEvent>();
        builder.AddCommandPipeline<ProgramDbContext, ProgramIntegrationEvents>();
        builder.Services.AddSingleton<ICommandFailureTranslator, ScheduleConstraintFailures>();
        builder.Services.AddSingleton(ProgramFields.Names);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("ListSessionsOfEvent", "registration")
            .Allow("BatchGetSessions", "registration", "notification"));
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddServiceGrpcClient<Catalog.CatalogInternalService.CatalogInternalServiceClient>("catalog");
        builder.Services.AddServiceGrpcClient<Catalog.CatalogService.CatalogServiceClient>("catalog");
        builder.Services.AddScoped<IEventCatalog, CatalogEvents>();
        builder.Services.AddScoped<EventAccess>();

        builder.Services.AddScoped<Placements>();
        builder.Services.AddScoped<SessionCommands>();
        builder.Services.AddScoped<SessionQueries>();
        builder.Services.AddScoped<RoomCommands>();
        builder.Services.AddScoped<RoomQueries>();
        builder.Services.AddScoped<SpeakerCommands>();
        builder.Services.AddScoped<SpeakerQueries>();
        builder.Services.AddScoped<ProgramQueries>();
        return builder;
    }
}
