using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Infrastructure;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("message_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OrganizerId).HasMaxLength(200);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Locale).HasMaxLength(8);
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        // One template per organizer (or the platform), kind and language.
        builder.HasIndex(t => new { t.OrganizerId, t.Kind, t.Locale }).IsUnique();
        builder.HasRequestId();
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Key).HasMaxLength(400);
        // The same trigger, recipient and kind is one delivery, however often the trigger comes.
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.RecipientId).HasMaxLength(200);
        builder.Property(d => d.RecipientEmail).HasMaxLength(320);
        builder.Property(d => d.CauseId).HasMaxLength(200);
        builder.Property(d => d.Subject).HasMaxLength(1000);
        builder.Property(d => d.LastError).HasMaxLength(Delivery.MaxErrorLength);
        builder.Property(d => d.ProviderMessageId).HasMaxLength(300);
        builder.ComplexCollection(d => d.Attachments, a =>
        {
            a.ToJson("attachments");
            a.Property(x => x.Kind).HasConversion<string>();
        });
        // What the sender looks for: pending emails by due time.
        builder.HasIndex(d => d.NextAttemptTime).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.EventId, d.CreateTime });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.RecipientId).HasMaxLength(200);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Title).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => n.DeliveryId).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.CreateTime });
    }
}

internal sealed class EventMessageConfiguration : IEntityTypeConfiguration<EventMessage>
{
    public void Configure(EntityTypeBuilder<EventMessage> builder)
    {
        builder.ToTable("event_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.SenderId).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(EventMessage.MaxSubjectLength);
        builder.Property(m => m.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.PrimitiveCollection(m => m.Channels).ElementType().HasConversion<string>();
        builder.HasIndex(m => new { m.EventId, m.CreateTime });
        builder.HasIndex(m => m.Status).HasFilter("status = 'Sending'");
        builder.HasRequestId();
    }
}

internal sealed class EventInfoConfiguration : IEntityTypeConfiguration<EventInfo>
{
    public void Configure(EntityTypeBuilder<EventInfo> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.OrganizerId).HasMaxLength(200);
        builder.Property(e => e.OwnerId).HasMaxLength(200);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.HasIndex(e => e.StartTime).HasFilter("reminder_planned_time IS NULL AND NOT cancelled");
    }
}

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> builder)
    {
        builder.ToTable("recipients");
        builder.HasKey(r => r.RegistrationId);
        builder.Property(r => r.RegistrationId).ValueGeneratedNever();
        builder.Property(r => r.AttendeeId).HasMaxLength(200);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Locale).HasMaxLength(35);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(r => new { r.EventId, r.Status });
    }
}
