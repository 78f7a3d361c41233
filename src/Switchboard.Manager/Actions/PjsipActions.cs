using System.Globalization;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Actions;

/// <summary>PJSIPShowEndpoints, PJSIPShowEndpoint, PJSIPShowContacts, PJSIPShowRegistrationsInbound/Outbound.</summary>
internal static class PjsipActions
{
    public static void Register(AmiActionRegistry registry)
    {
        registry.Add(AmiAction.Sync("PJSIPShowEndpoints", AmiClass.System, "Lists PJSIP endpoints.", c => WithPjsip(c, ShowEndpoints)));
        registry.Add(AmiAction.Sync("PJSIPShowEndpoint", AmiClass.System, "Detail listing of an endpoint and its objects.", c => WithPjsip(c, ShowEndpoint)));
        registry.Add(AmiAction.Sync("PJSIPShowContacts", AmiClass.System, "Lists PJSIP Contacts.", c => WithPjsip(c, ShowContacts)));
        registry.Add(AmiAction.Sync("PJSIPShowRegistrationsInbound", AmiClass.System, "Lists PJSIP inbound registrations.", c => WithPjsip(c, ShowInbound)));
        registry.Add(AmiAction.Sync("PJSIPShowRegistrationsOutbound", AmiClass.System, "Lists PJSIP outbound registrations.", c => WithPjsip(c, ShowOutbound)));
    }

    private static void WithPjsip(AmiActionContext c, Action<AmiActionContext, PjsipService> action)
    {
        if (c.Manager.Pjsip is not { } pjsip)
        {
            c.Error("PJSIP is not available");
            return;
        }

        action(c, pjsip);
    }

    private static void ShowEndpoints(AmiActionContext c, PjsipService pjsip)
    {
        var config = pjsip.Runtime.Config;
        if (config.Endpoints.Count == 0)
        {
            c.Error("No endpoints found");
            return;
        }

        var items = new List<AmiMessage>();
        foreach (var e in config.Endpoints)
        {
            var contacts = ContactsOf(pjsip, e);
            items.Add(AmiMessage.ListEvent("EndpointList", c.ActionId)
                .Add("ObjectType", "endpoint")
                .Add("ObjectName", e.Name)
                .Add("Transport", e.Transport)
                .Add("Aor", string.Join(',', e.Aors))
                .Add("Auths", string.Join(',', e.Auths))
                .Add("OutboundAuths", string.Join(',', e.OutboundAuths))
                .Add("Contacts", ContactList(contacts))
                .Add("DeviceState", DeviceState(pjsip, contacts))
                .Add("ActiveChannels", string.Empty));
        }

        c.List("A listing of Endpoints follows, presented as EndpointList events", "EndpointListComplete", items);
    }

    private static void ShowEndpoint(AmiActionContext c, PjsipService pjsip)
    {
        var name = c.Header("Endpoint");
        if (string.IsNullOrWhiteSpace(name))
        {
            c.Error("Endpoint parameter missing.");
            return;
        }

        var e = pjsip.Runtime.Endpoint(name);
        if (e is null)
        {
            c.Error("Unable to retrieve endpoint " + name);
            return;
        }

        var contacts = ContactsOf(pjsip, e);
        var items = new List<AmiMessage>
        {
            AmiMessage.ListEvent("EndpointDetail", c.ActionId)
                .Add("ObjectType", "endpoint").Add("ObjectName", e.Name)
                .Add("Context", e.Context).Add("Aors", string.Join(',', e.Aors))
                .Add("Auth", string.Join(',', e.Auths)).Add("OutboundAuth", string.Join(',', e.OutboundAuths))
                .Add("Transport", e.Transport).Add("Allow", "(" + string.Join('|', e.Codecs) + ")")
                .Add("DirectMedia", YesNo(e.DirectMedia)).Add("DtmfMode", e.DtmfMode.ToString().ToLowerInvariant())
                .Add("RewriteContact", YesNo(e.RewriteContact)).Add("ForceRport", YesNo(e.ForceRport))
                .Add("RtpSymmetric", YesNo(e.RtpSymmetric)).Add("MessageContext", e.MessageContext)
                .Add("DeviceState", DeviceState(pjsip, contacts)).Add("ActiveChannels", string.Empty),
        };
        foreach (var authName in e.Auths)
        {
            if (pjsip.Runtime.Auth(authName) is { } auth)
            {
                items.Add(AmiMessage.ListEvent("AuthDetail", c.ActionId)
                    .Add("ObjectType", "auth").Add("ObjectName", auth.Name).Add("Username", auth.Username)
                    .Add("AuthType", auth.AuthType.ToString().ToLowerInvariant()).Add("Realm", auth.Realm)
                    .Add("NonceLifetime", auth.NonceLifetime).Add("EndpointName", e.Name));
            }
        }

        foreach (var aorName in e.Aors)
        {
            if (pjsip.Runtime.Aor(aorName) is { } aor)
            {
                var aorContacts = pjsip.Location.GetContacts(aor.Name);
                items.Add(AmiMessage.ListEvent("AorDetail", c.ActionId)
                    .Add("ObjectType", "aor").Add("ObjectName", aor.Name)
                    .Add("MinimumExpiration", aor.MinimumExpiration).Add("MaximumExpiration", aor.MaximumExpiration)
                    .Add("DefaultExpiration", aor.DefaultExpiration).Add("QualifyFrequency", aor.QualifyFrequency)
                    .Add("AuthenticateQualify", YesNo(aor.AuthenticateQualify)).Add("MaxContacts", aor.MaxContacts)
                    .Add("RemoveExisting", YesNo(aor.RemoveExisting)).Add("Mailboxes", string.Join(',', aor.Mailboxes))
                    .Add("TotalContacts", aorContacts.Count + aor.Contacts.Count).Add("ContactsRegistered", aorContacts.Count)
                    .Add("EndpointName", e.Name));
            }
        }

        foreach (var contact in contacts)
        {
            items.Add(ContactStatusDetail(c, pjsip, contact, e.Name));
        }

        c.List("Following are Events for each object associated with the Endpoint", "EndpointDetailComplete", items);
    }

    private static void ShowContacts(AmiActionContext c, PjsipService pjsip)
    {
        var items = new List<AmiMessage>();
        foreach (var aorName in pjsip.Location.Aors)
        {
            var aor = pjsip.Runtime.Aor(aorName);
            foreach (var contact in pjsip.Location.GetContacts(aorName))
            {
                var status = pjsip.Location.GetStatus(contact.Id);
                items.Add(AmiMessage.ListEvent("ContactList", c.ActionId)
                    .Add("ObjectType", "contact").Add("ObjectName", contact.Id)
                    .Add("ViaAddr", contact.Source.Address.ToString()).Add("ViaPort", contact.Source.Port)
                    .Add("QualifyTimeout", (aor?.QualifyTimeout ?? 3.0).ToString("0.000", CultureInfo.InvariantCulture))
                    .Add("CallID", contact.CallId).Add("RegServer", string.Empty).Add("PruneOnBoot", "no")
                    .Add("Path", contact.Path ?? string.Empty).Add("Endpoint", contact.Endpoint)
                    .Add("AuthenticateQualify", YesNo(aor?.AuthenticateQualify ?? false)).Add("Uri", contact.Uri)
                    .Add("QualifyFrequency", aor?.QualifyFrequency ?? 0).Add("UserAgent", contact.UserAgent ?? string.Empty)
                    .Add("ExpirationTime", contact.ExpiresAt.ToUnixTimeSeconds()).Add("OutboundProxy", aor?.OutboundProxy ?? string.Empty)
                    .Add("Status", status.LongName).Add("RoundtripUsec", Usec(status)));
            }
        }

        c.List("A listing of Contacts follows, presented as ContactList events", "ContactListComplete", items);
    }

    private static void ShowInbound(AmiActionContext c, PjsipService pjsip)
    {
        var items = new List<AmiMessage>();
        foreach (var aorName in pjsip.Location.Aors)
        {
            var contacts = pjsip.Location.GetContacts(aorName);
            if (contacts.Count == 0)
            {
                continue;
            }

            var aor = pjsip.Runtime.Aor(aorName);
            items.Add(AmiMessage.ListEvent("InboundRegistrationDetail", c.ActionId)
                .Add("ObjectType", "aor").Add("ObjectName", aorName)
                .Add("MinimumExpiration", aor?.MinimumExpiration ?? 60).Add("MaximumExpiration", aor?.MaximumExpiration ?? 7200)
                .Add("DefaultExpiration", aor?.DefaultExpiration ?? 3600).Add("QualifyFrequency", aor?.QualifyFrequency ?? 0)
                .Add("MaxContacts", aor?.MaxContacts ?? 0).Add("RemoveExisting", YesNo(aor?.RemoveExisting ?? false))
                .Add("Contacts", ContactList(contacts)));
        }

        c.List("Following are Events for each Inbound registration", "InboundRegistrationDetailComplete", items);
    }

    private static void ShowOutbound(AmiActionContext c, PjsipService pjsip)
    {
        var items = new List<AmiMessage>();
        int registered = 0, notRegistered = 0;
        foreach (var r in pjsip.Runtime.Config.Registrations)
        {
            var status = pjsip.Outbound.StatusOf(r.Name) ?? "Unregistered";
            if (status.Equals("Registered", StringComparison.OrdinalIgnoreCase))
            {
                registered++;
            }
            else
            {
                notRegistered++;
            }

            items.Add(AmiMessage.ListEvent("OutboundRegistrationDetail", c.ActionId)
                .Add("ObjectType", "registration").Add("ObjectName", r.Name)
                .Add("ServerUri", r.ServerUri).Add("ClientUri", r.ClientUri).Add("ContactUser", r.ContactUser)
                .Add("Transport", r.Transport).Add("Expiration", r.Expiration).Add("RetryInterval", r.RetryInterval)
                .Add("ForbiddenRetryInterval", r.ForbiddenRetryInterval).Add("MaxRetries", r.MaxRetries)
                .Add("OutboundAuth", string.Join(',', r.OutboundAuths)).Add("OutboundProxy", r.OutboundProxy)
                .Add("Line", YesNo(r.Line)).Add("Endpoint", r.Endpoint).Add("Status", status));
        }

        c.List("Following are Events for each Outbound registration", "OutboundRegistrationDetailComplete", items,
            new("Registered", registered.ToString(CultureInfo.InvariantCulture)), new("NotRegistered", notRegistered.ToString(CultureInfo.InvariantCulture)));
    }

    private static AmiMessage ContactStatusDetail(AmiActionContext c, PjsipService pjsip, ContactBinding contact, string endpoint)
    {
        var status = pjsip.Location.GetStatus(contact.Id);
        var aor = pjsip.Runtime.Aor(contact.Aor);
        return AmiMessage.ListEvent("ContactStatusDetail", c.ActionId)
            .Add("AOR", contact.Aor).Add("URI", contact.Uri).Add("UserAgent", contact.UserAgent ?? string.Empty)
            .Add("RegExpire", contact.ExpiresAt.ToUnixTimeSeconds()).Add("ViaAddress", contact.Source.ToString())
            .Add("CallID", contact.CallId).Add("Status", status.LongName).Add("RoundtripUsec", Usec(status))
            .Add("EndpointName", endpoint).Add("ID", contact.Id).Add("AuthenticateQualify", (aor?.AuthenticateQualify ?? false) ? 1 : 0)
            .Add("OutboundProxy", aor?.OutboundProxy ?? string.Empty).Add("Path", contact.Path ?? string.Empty)
            .Add("QualifyFrequency", aor?.QualifyFrequency ?? 0)
            .Add("QualifyTimeout", (aor?.QualifyTimeout ?? 3.0).ToString("0.000", CultureInfo.InvariantCulture));
    }

    private static List<ContactBinding> ContactsOf(PjsipService pjsip, PjsipEndpoint endpoint)
    {
        var list = new List<ContactBinding>();
        foreach (var aor in endpoint.Aors)
        {
            list.AddRange(pjsip.Location.GetContacts(aor));
        }

        return list;
    }

    private static string ContactList(IReadOnlyList<ContactBinding> contacts)
    {
        var parts = new string[contacts.Count];
        for (int i = 0; i < contacts.Count; i++)
        {
            parts[i] = contacts[i].Aor + "/" + contacts[i].Uri;
        }

        return string.Join(',', parts);
    }

    private static string DeviceState(PjsipService pjsip, IReadOnlyList<ContactBinding> contacts)
    {
        foreach (var contact in contacts)
        {
            var s = pjsip.Location.GetStatus(contact.Id).Status;
            if (s is ContactStatus.Reachable or ContactStatus.NonQualified or ContactStatus.Unknown)
            {
                return "Not in use";
            }
        }

        return "Unavailable";
    }

    private static string Usec(ContactStatusInfo status)
        => status.RoundTrip is { } r ? (r.Ticks / 10).ToString(CultureInfo.InvariantCulture) : "N/A";

    private static string YesNo(bool b) => b ? "true" : "false";
}
