using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Tests.Pjsip.Location;

public sealed class LocationServiceTests
{
    private static ContactBinding Binding(string aor, string uri, DateTimeOffset expires, long cseq = 1) => new()
    {
        Aor = aor,
        Uri = uri,
        RegisteredUri = uri,
        Endpoint = aor,
        ExpiresAt = expires,
        CallId = "cid-" + uri,
        CSeq = cseq,
        TransportName = "udp",
        Protocol = "UDP",
        Source = new IPEndPoint(IPAddress.Loopback, 5070),
    };

    [Fact]
    public void Contacts_expire_on_the_wheel_and_events_are_published()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1));
        using var wheel = new TimingWheel(time);
        var bus = new EventBus();
        var seen = new List<ContactChange>();
        bus.Subscribe<ContactChanged>(e => seen.Add(e.Change));
        var loc = new LocationService(wheel, bus);
        loc.Update<int>("alice", c => ([Binding("alice", "sip:a@1.2.3.4", time.GetUtcNow().AddSeconds(60))], 0));
        Assert.Single(loc.GetContacts("alice"));
        time.Advance(TimeSpan.FromSeconds(30));
        loc.Update<int>("alice", c => ([Binding("alice", "sip:a@1.2.3.4", time.GetUtcNow().AddSeconds(60), 2)], 0));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(loc.GetContacts("alice"));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(loc.GetContacts("alice"));
        Assert.Equal([ContactChange.Created, ContactChange.Updated, ContactChange.Expired], seen);
    }

    [Fact]
    public void Persistence_round_trips_and_restore_drops_expired()
    {
        var path = Path.Combine(Path.GetTempPath(), "sb-loc-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1));
            using (var db = new SqliteDatabase(path))
            {
                var persist = new SqliteContactPersistence(db);
                using var wheel = new TimingWheel(time);
                var loc = new LocationService(wheel, new EventBus(), persist);
                loc.Update<int>("bob", c => ([Binding("bob", "sip:b1@h", time.GetUtcNow().AddSeconds(3600)), Binding("bob", "sip:b2@h", time.GetUtcNow().AddSeconds(10))], 0));
                persist.Flush();
            }

            time.Advance(TimeSpan.FromSeconds(20));
            using (var db = new SqliteDatabase(path))
            {
                var persist = new SqliteContactPersistence(db);
                using var wheel = new TimingWheel(time);
                var loc = new LocationService(wheel, new EventBus(), persist);
                Assert.Equal(2, persist.LoadAll().Count);
                Assert.Equal(1, loc.Restore(persist.LoadAll()));
                Assert.Equal("sip:b1@h", Assert.Single(loc.GetContacts("bob")).Uri);
            }
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(f);
            }
        }
    }
}
