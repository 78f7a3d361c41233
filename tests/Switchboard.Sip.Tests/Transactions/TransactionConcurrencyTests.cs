using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using static Switchboard.Sip.Tests.Transactions.InviteClientTransactionTests;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>Receive threads and the wheel thread hitting the same transactions at once.</summary>
public sealed class TransactionConcurrencyTests
{
    [Fact]
    public void The_same_requests_from_several_threads_create_each_transaction_once()
    {
        using var h = new TransactionHarness();
        const int Requests = 300;
        const int Threads = 4;
        int created = 0, absorbed = 0;
        var transactions = new ServerTransaction?[Requests];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int i = 0; i < Requests; i++)
            {
                int n = (i + (t * 37)) % Requests;
                ServerRequestResult r = h.Receive(SipTexts.Request("REGISTER", branch: "z9hG4bKc" + n, callId: "c" + n));
                if (r.Disposition == ServerRequestDisposition.New)
                {
                    Interlocked.Increment(ref created);
                    Assert.Null(Interlocked.Exchange(ref transactions[n], r.Transaction));
                }
                else
                {
                    Assert.Equal(ServerRequestDisposition.Absorbed, r.Disposition);
                    Interlocked.Increment(ref absorbed);
                }
            }
        });

        Assert.Equal(Requests, created);
        Assert.Equal(Requests * (Threads - 1), absorbed);
        Assert.Equal(Requests, h.Layer.Counters.ActiveServerTransactions);

        Parallel.For(0, Requests, i => Assert.True(transactions[i]!.SendResponse(200, "OK"u8, "t"u8)));
        Assert.Equal(Requests, h.Sender.StartingWith("SIP/2.0 200").Count);
        h.Time.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task Responses_racing_the_timers_are_each_handled_once()
    {
        using var h = new TransactionHarness();
        const int Calls = 200;
        var user = new CountingUser();
        var branches = new string[Calls];
        for (int i = 0; i < Calls; i++)
        {
            branches[i] = "z9hG4bKrace" + i;
            h.Layer.SendRequest(Bytes(SipTexts.Invite(branch: branches[i], callId: "race" + i)), TransactionHarness.Udp, user);
        }

        var clock = Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                h.Time.Advance(TimeSpan.FromMilliseconds(1));
            }
        });
        Parallel.For(0, Calls, i =>
        {
            h.ReceiveResponse(SipTexts.Response(180, branches[i], callId: "race" + i));
            h.ReceiveResponse(SipTexts.Response(486, branches[i], callId: "race" + i));
            h.ReceiveResponse(SipTexts.Response(486, branches[i], callId: "race" + i));
        });
        await clock.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Calls, user.Finals);
        Assert.Equal(Calls, user.Provisionals);
        Assert.Equal(0, user.Failures);
        Assert.Equal(2 * Calls, h.Sender.StartingWith("ACK").Count);
        h.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, h.Layer.Counters.ActiveClientTransactions);
    }

    private sealed class CountingUser : IClientTransactionUser
    {
        private int _finals, _provisionals, _failures;

        public int Finals => Volatile.Read(ref _finals);

        public int Provisionals => Volatile.Read(ref _provisionals);

        public int Failures => Volatile.Read(ref _failures);

        public void OnResponse(ClientTransaction transaction, SipMessage response)
            => Interlocked.Increment(ref response.StatusCode >= 200 ? ref _finals : ref _provisionals);

        public void OnFailure(ClientTransaction transaction, TransactionFailure failure) => Interlocked.Increment(ref _failures);
    }
}
