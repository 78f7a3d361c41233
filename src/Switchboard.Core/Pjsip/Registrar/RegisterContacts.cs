using System.Globalization;
using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Registrar;

/// <summary>Reads the Contacts of a REGISTER and applies the AOR's expiry rules (RFC 3261 §10.3 steps 6-7).</summary>
public static class RegisterContacts
{
    /// <summary>
    /// False when the request must be refused: <paramref name="minExpires"/> &gt; 0 means 423 Interval Too Brief,
    /// otherwise 400 with <paramref name="error"/>. No Contact at all is a fetch of the bindings (true, empty list).
    /// </summary>
    public static bool TryRead(SipMessage request, PjsipAor aor, out List<RequestedContact> contacts, out bool wildcard, out string error, out int minExpires)
    {
        contacts = [];
        wildcard = false;
        error = string.Empty;
        minExpires = 0;
        int headerExpires = request.TryGetExpires(out int e) ? e : -1;
        if (request.CountHeaders(SipHeaderId.Expires) > 0 && headerExpires < 0)
        {
            error = "Bad Request (Expires)";
            return false;
        }

        int count = 0;
        foreach (var value in request.GetValues(SipHeaderId.Contact))
        {
            count++;
            if (!SipNameAddr.TryParse(value, out var na))
            {
                error = "Bad Request (Contact)";
                return false;
            }

            if (na.IsWildcard)
            {
                wildcard = true;
                continue;
            }

            if (na.Expires == -2)
            {
                error = "Bad Request (Contact expires)";
                return false;
            }

            long requested = na.Expires >= 0 ? na.Expires : headerExpires >= 0 ? headerExpires : aor.DefaultExpiration;
            int expires;
            if (requested == 0)
            {
                expires = 0;
            }
            else if (requested < aor.MinimumExpiration)
            {
                minExpires = aor.MinimumExpiration;
                return false;
            }
            else
            {
                expires = (int)Math.Min(requested, aor.MaximumExpiration > 0 ? aor.MaximumExpiration : int.MaxValue);
            }

            double q = 1.0;
            if (!na.Q.IsEmpty && !double.TryParse(Encoding.ASCII.GetString(na.Q.Span), NumberStyles.Float, CultureInfo.InvariantCulture, out q))
            {
                q = 1.0;
            }

            contacts.Add(new RequestedContact(Encoding.UTF8.GetString(na.Uri.Span), expires, q));
        }

        if (wildcard && (count != 1 || headerExpires != 0))
        {
            // RFC 3261 §10.3 step 6: "*" only alone and with Expires: 0.
            error = "Bad Request (Contact: * needs Expires: 0 and no other Contact)";
            wildcard = false;
            return false;
        }

        return true;
    }
}
