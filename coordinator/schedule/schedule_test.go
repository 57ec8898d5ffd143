package schedule_test

import (
	"errors"
	"math"
	"testing"
	"time"
	_ "time/tzdata" // the tests do not depend on the machine's zone files

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

// at parses an RFC 3339 time; "" is the zero time.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func unix(t *testing.T, s string) int64 { return at(t, s).Unix() }

func cron(expr, zone string) attestation.TimeTrigger {
	return attestation.TimeTrigger{Schedule: attestation.ScheduleCron, Cron: expr, TimeZone: zone}
}

// nextCase: the first slot after after is want ("" for none).
type nextCase struct {
	name  string
	trig  attestation.TimeTrigger
	after string
	want  string
}

func runNext(t *testing.T, cases []nextCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := schedule.Parse(tc.trig)
			require.NoError(t, err)
			got, ok := s.Next(at(t, tc.after))
			if tc.want == "" {
				require.False(t, ok, "got %s", got)
				return
			}
			require.True(t, ok)
			want := at(t, tc.want)
			require.True(t, want.Equal(got), "want %s (%s), got %s (%s)",
				want, want.UTC().Format(time.RFC3339), got, got.UTC().Format(time.RFC3339))
		})
	}
}

func TestNextInterval(t *testing.T) {
	start := int64(1767225600) // 2026-01-01T00:00:00Z
	iv := func(every uint64, end int64) attestation.TimeTrigger {
		return attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: every, Start: start, End: end}
	}
	runNext(t, []nextCase{
		{"before start", iv(3600, 0), "2025-12-31T12:00:00Z", "2026-01-01T00:00:00Z"},
		{"zero after", iv(3600, 0), "", "2026-01-01T00:00:00Z"},
		{"on start", iv(3600, 0), "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"},
		{"between", iv(3600, 0), "2026-01-01T05:30:00Z", "2026-01-01T06:00:00Z"},
		{"just before a slot", iv(3600, 0), "2026-01-01T05:59:59Z", "2026-01-01T06:00:00Z"},
		{"fraction after a slot", iv(3600, 0), "2026-01-01T06:00:00.5Z", "2026-01-01T07:00:00Z"},
		{"odd interval", iv(7, 0), "2026-01-01T00:00:20Z", "2026-01-01T00:00:21Z"},
		{"end is inclusive", iv(3600, start+7200), "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"},
		{"past end", iv(3600, start+7200), "2026-01-01T02:00:00Z", ""},
		{"end between slots", iv(3600, start+5400), "2026-01-01T01:00:00Z", ""},
		{"end equals start", iv(3600, start), "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"},
		{"end equals start, after it", iv(3600, start), "2026-01-01T00:00:00Z", ""},
		{"huge interval", iv(math.MaxInt64, 0), "2026-01-01T00:00:00Z", ""},
		{"far future", iv(1, 0), "9999-12-31T23:59:58Z", "9999-12-31T23:59:59Z"},
	})
}

// Without a start, interval slots are the multiples of the interval since
// the unix epoch: every node derives the same grid.
func TestNextIntervalWithoutStart(t *testing.T) {
	s, err := schedule.Parse(attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60})
	require.NoError(t, err)
	for _, tc := range []struct{ after, want int64 }{{0, 60}, {59, 60}, {60, 120}, {1_700_000_001, 1_700_000_040}} {
		got, ok := s.Next(time.Unix(tc.after, 0))
		require.True(t, ok)
		require.Equal(t, tc.want, got.Unix(), "after %d", tc.after)
	}
}

func TestNextOnce(t *testing.T) {
	times := []int64{unix(t, "2026-01-01T00:00:00Z"), unix(t, "2026-02-01T12:00:00Z"), unix(t, "2026-03-01T00:00:00Z")}
	once := func(start, end int64) attestation.TimeTrigger {
		return attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: times, Start: start, End: end}
	}
	runNext(t, []nextCase{
		{"before all", once(0, 0), "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"},
		{"zero after", once(0, 0), "", "2026-01-01T00:00:00Z"},
		{"on the first", once(0, 0), "2026-01-01T00:00:00Z", "2026-02-01T12:00:00Z"},
		{"between", once(0, 0), "2026-01-15T00:00:00Z", "2026-02-01T12:00:00Z"},
		{"on the last", once(0, 0), "2026-03-01T00:00:00Z", ""},
		{"start drops the first", once(times[0]+1, 0), "", "2026-02-01T12:00:00Z"},
		{"start on a time keeps it", once(times[1], 0), "", "2026-02-01T12:00:00Z"},
		{"end drops the last", once(0, times[2]-1), "2026-02-01T12:00:00Z", ""},
		{"end on a time keeps it", once(0, times[2]), "2026-02-01T12:00:00Z", "2026-03-01T00:00:00Z"},
	})
}

func TestNextCron(t *testing.T) {
	runNext(t, []nextCase{
		// Basics; 2026-01-01 is a Thursday.
		{"every 5 minutes", cron("*/5 * * * *", ""), "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z"},
		{"every 5 minutes, mid-minute", cron("*/5 * * * *", ""), "2026-01-01T00:04:59.9Z", "2026-01-01T00:05:00Z"},
		{"every minute", cron("* * * * *", ""), "2026-01-01T00:00:30Z", "2026-01-01T00:01:00Z"},
		{"daily", cron("30 9 * * *", ""), "2026-01-01T09:30:00Z", "2026-01-02T09:30:00Z"},
		{"hour wraps to next day", cron("0 9 * * *", ""), "2026-01-01T23:59:59Z", "2026-01-02T09:00:00Z"},
		{"year wraps", cron("0 0 * * *", ""), "2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"},
		{"weekdays from Friday", cron("0 9 * * MON-FRI", ""), "2026-01-02T09:00:00Z", "2026-01-05T09:00:00Z"},
		{"list", cron("0 8,12,18 * * *", ""), "2026-01-01T12:00:00Z", "2026-01-01T18:00:00Z"},
		{"range with step", cron("1-30/2 * * * *", ""), "2026-01-01T00:29:00Z", "2026-01-01T01:01:00Z"},
		{"value with step", cron("10/20 * * * *", ""), "2026-01-01T00:31:00Z", "2026-01-01T00:50:00Z"},
		{"hour step", cron("0 */6 * * *", ""), "2026-01-01T06:00:00Z", "2026-01-01T12:00:00Z"},
		{"month names", cron("0 0 1 jan,Jul *", ""), "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"},
		{"month range by name", cron("0 0 1 OCT-DEC *", ""), "2026-01-01T00:00:00Z", "2026-10-01T00:00:00Z"},
		{"month number", cron("0 0 15 3 *", ""), "2026-01-01T00:00:00Z", "2026-03-15T00:00:00Z"},
		{"sunday by name", cron("0 12 * * sun", ""), "2026-01-01T00:00:00Z", "2026-01-04T12:00:00Z"},
		{"sunday as 0", cron("0 12 * * 0", ""), "2026-01-01T00:00:00Z", "2026-01-04T12:00:00Z"},
		{"sunday as 7", cron("0 12 * * 7", ""), "2026-01-01T00:00:00Z", "2026-01-04T12:00:00Z"},
		{"friday to sunday", cron("0 12 * * 5-7", ""), "2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z"},
		{"weekday step", cron("0 0 * * */2", ""), "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"}, // Sun, Tue, Thu, Sat
		{"31st skips short months", cron("0 0 31 * *", ""), "2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z"},
		// Day of month and day of week: either matches when both are restricted.
		{"or: friday before the 13th", cron("0 0 13 * FRI", ""), "2026-02-01T00:00:00Z", "2026-02-06T00:00:00Z"},
		{"or: friday the 13th", cron("0 0 13 * FRI", ""), "2026-02-06T00:00:00Z", "2026-02-13T00:00:00Z"},
		{"or: friday after the 13th", cron("0 0 13 * FRI", ""), "2026-02-13T00:00:00Z", "2026-02-20T00:00:00Z"},
		{"or: the 15th, a thursday", cron("0 0 15 * MON", ""), "2026-01-12T00:00:00Z", "2026-01-15T00:00:00Z"},
		{"or: monday before the 15th", cron("0 0 15 * MON", ""), "2026-01-10T00:00:00Z", "2026-01-12T00:00:00Z"},
		{"and: star day of month", cron("0 0 * * MON", ""), "2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z"},
		{"and: stepped star day of month", cron("0 0 */2 * MON", ""), "2026-01-05T00:00:00Z", "2026-01-19T00:00:00Z"},
		{"and: star day of week", cron("0 0 10 * *", ""), "2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z"},
		{"question mark in day of month", cron("0 0 ? * MON", ""), "2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z"},
		{"question mark in day of week", cron("0 0 1 * ?", ""), "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"},
		// Six fields: seconds first.
		{"seconds step", cron("*/10 * * * * *", ""), "2026-01-01T00:00:05Z", "2026-01-01T00:00:10Z"},
		{"second of a minute", cron("30 0 12 * * *", ""), "2026-01-01T12:00:00Z", "2026-01-01T12:00:30Z"},
		{"seconds wrap the minute", cron("0,30 * * * * *", ""), "2026-01-01T00:00:30Z", "2026-01-01T00:01:00Z"},
		{"every second", cron("* * * * * *", ""), "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:01Z"},
		// Descriptors.
		{"@hourly", cron("@hourly", ""), "2026-01-01T00:30:00Z", "2026-01-01T01:00:00Z"},
		{"@daily", cron("@daily", ""), "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"},
		{"@midnight", cron("@midnight", ""), "2026-01-01T12:00:00Z", "2026-01-02T00:00:00Z"},
		{"@weekly", cron("@weekly", ""), "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z"},
		{"@monthly", cron("@monthly", ""), "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"},
		{"@yearly", cron("@yearly", ""), "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"},
		{"@annually", cron("@ANNUALLY", ""), "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z"},
		// Leap days.
		{"feb 29 in the next leap year", cron("0 0 29 2 *", ""), "2026-01-01T00:00:00Z", "2028-02-29T00:00:00Z"},
		{"feb 29 four years on", cron("0 0 29 2 *", ""), "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"},
		{"feb 29 across 2100", cron("0 0 29 2 *", ""), "2096-02-29T00:00:00Z", "2104-02-29T00:00:00Z"},
		{"feb 29 with a weekday", cron("0 0 29 2 TUE", ""), "2028-02-28T00:00:00Z", "2028-02-29T00:00:00Z"},
		{"last second of 9999", cron("59 59 23 31 12 *", ""), "9999-01-01T00:00:00Z", "9999-12-31T23:59:59Z"},
		{"nothing after 9999", cron("59 59 23 31 12 *", ""), "9999-12-31T23:59:59Z", ""},
		// Time zones without daylight saving.
		{"tokyo", cron("0 9 * * *", "Asia/Tokyo"), "2026-01-01T00:00:00Z", "2026-01-02T09:00:00+09:00"},
		{"kolkata half hour", cron("0 9 * * *", "Asia/Kolkata"), "2026-01-01T00:00:00Z", "2026-01-01T09:00:00+05:30"},
		{"UTC by name", cron("0 9 * * *", "UTC"), "2026-01-01T00:00:00Z", "2026-01-01T09:00:00Z"},
	})
}

func TestNextCronBounds(t *testing.T) {
	bounded := func(expr, start, end string) attestation.TimeTrigger {
		tr := cron(expr, "")
		tr.Start = unix(t, start)
		if end != "" {
			tr.End = unix(t, end)
		}
		return tr
	}
	runNext(t, []nextCase{
		{"start on a slot", bounded("0 0 * * *", "2026-01-10T00:00:00Z", ""), "2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z"},
		{"start between slots", bounded("0 0 * * *", "2026-01-10T00:00:01Z", ""), "2026-01-01T00:00:00Z", "2026-01-11T00:00:00Z"},
		{"end is inclusive", bounded("0 0 * * *", "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"), "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"},
		{"past end", bounded("0 0 * * *", "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"), "2026-01-03T00:00:00Z", ""},
		{"next slot beyond end", bounded("0 0 29 2 *", "2026-01-01T00:00:00Z", "2027-12-31T00:00:00Z"), "2026-01-01T00:00:00Z", ""},
	})
}

// DST: America/New_York springs forward on 2026-03-08 at 02:00 EST (07:00Z)
// to 03:00 EDT and falls back on 2026-11-01 at 02:00 EDT (06:00Z) to 01:00
// EST; Europe/Berlin on 2026-03-29 at 02:00 CET (01:00Z) to 03:00 CEST, and
// on 2026-10-25 at 03:00 CEST (01:00Z) to 02:00 CET; Australia/Lord_Howe
// shifts by 30 minutes, back on 2026-04-05 at 02:00 (+11) to 01:30 (+10:30),
// forward on 2026-10-04 at 02:00 (+10:30) to 02:30 (+11).
func TestNextCronDST(t *testing.T) {
	const ny, berlin, lh = "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"
	runNext(t, []nextCase{
		// New York, spring forward: wall times in 02:00-02:59 do not exist.
		{"ny spring: skipped time fires at the gap's end", cron("30 2 * * *", ny), "2026-03-07T12:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: next day as usual", cron("30 2 * * *", ny), "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"},
		{"ny spring: 02:00 too", cron("0 2 * * *", ny), "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: times in and after the gap fire once", cron("0,30 2,3 * * *", ny), "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: then 03:30", cron("0,30 2,3 * * *", ny), "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"},
		{"ny spring: 03:00 unaffected", cron("0 3 * * *", ny), "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: every minute of hour 2", cron("* 2 * * *", ny), "2026-03-08T01:59:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: every minute of hour 2, after the gap", cron("* 2 * * *", ny), "2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"},
		{"ny spring: hourly before", cron("0 * * * *", ny), "2026-03-08T00:30:00-05:00", "2026-03-08T01:00:00-05:00"},
		{"ny spring: hourly across", cron("0 * * * *", ny), "2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: hourly at half past", cron("30 * * * *", ny), "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00"},
		{"ny spring: quarter hours across", cron("*/15 * * * *", ny), "2026-03-08T01:45:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"ny spring: quarter hours after", cron("*/15 * * * *", ny), "2026-03-08T03:00:00-04:00", "2026-03-08T03:15:00-04:00"},
		// New York, fall back: wall times in 01:00-01:59 occur twice.
		{"ny fall: first occurrence", cron("30 1 * * *", ny), "2026-11-01T00:00:00-04:00", "2026-11-01T01:30:00-04:00"},
		{"ny fall: not the second", cron("30 1 * * *", ny), "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"},
		{"ny fall: asked during the second pass", cron("30 1 * * *", ny), "2026-11-01T01:15:00-05:00", "2026-11-02T01:30:00-05:00"},
		{"ny fall: every minute of hour 1 once", cron("* 1 * * *", ny), "2026-11-01T01:59:00-04:00", "2026-11-02T01:00:00-05:00"},
		{"ny fall: every second of hour 1 once", cron("* * 1 * * *", ny), "2026-11-01T01:20:00-05:00", "2026-11-02T01:00:00-05:00"},
		{"ny fall: 02:00 once", cron("0 2 * * *", ny), "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00"},
		{"ny fall: hourly to the first 01:00", cron("0 * * * *", ny), "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00"},
		{"ny fall: hourly to the second 01:00", cron("0 * * * *", ny), "2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00"},
		{"ny fall: hourly to 02:00", cron("0 * * * *", ny), "2026-11-01T01:00:00-05:00", "2026-11-01T02:00:00-05:00"},
		{"ny fall: quarter hours across", cron("*/15 * * * *", ny), "2026-11-01T01:45:00-04:00", "2026-11-01T01:00:00-05:00"},
		{"ny fall: quarter hours in the second pass", cron("*/15 * * * *", ny), "2026-11-01T01:00:00-05:00", "2026-11-01T01:15:00-05:00"},
		// Berlin.
		{"berlin spring: skipped time", cron("30 2 * * *", berlin), "2026-03-29T00:00:00+01:00", "2026-03-29T03:00:00+02:00"},
		{"berlin spring: hourly across", cron("0 * * * *", berlin), "2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00"},
		{"berlin spring: quarter hours across", cron("*/15 * * * *", berlin), "2026-03-29T01:45:00+01:00", "2026-03-29T03:00:00+02:00"},
		{"berlin fall: first occurrence", cron("30 2 * * *", berlin), "2026-10-25T00:00:00+02:00", "2026-10-25T02:30:00+02:00"},
		{"berlin fall: not the second", cron("30 2 * * *", berlin), "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"},
		{"berlin fall: hourly through the repeat", cron("0 * * * *", berlin), "2026-10-25T02:30:00+02:00", "2026-10-25T02:00:00+01:00"},
		{"berlin fall: weekly sunday 02:30", cron("30 2 * * SUN", berlin), "2026-10-25T02:30:00+02:00", "2026-11-01T02:30:00+01:00"},
		// Zone periods that Time.ZoneBounds reports wrongly (golang/go#81583).
		{"ny hourly in 2040's last day", cron("0 * * * *", ny), "2040-12-31T00:30:00-05:00", "2040-12-31T01:00:00-05:00"},
		{"ny hourly across 2040's end", cron("0 * * * *", ny), "2040-12-31T23:30:00-05:00", "2041-01-01T00:00:00-05:00"},
		{"ny yearly into 2041", cron("0 0 1 1 *", ny), "2040-06-01T00:00:00-04:00", "2041-01-01T00:00:00-05:00"},
		{"berlin new year's eve 2040", cron("0 12 31 12 *", berlin), "2040-12-31T11:00:00+01:00", "2040-12-31T12:00:00+01:00"},
		{"berlin every minute at 2040's end", cron("* * * * *", berlin), "2040-12-31T23:59:00+01:00", "2041-01-01T00:00:00+01:00"},
		// Lord Howe: 30-minute shifts.
		{"lord howe spring: skipped 02:15", cron("15 2 * * *", lh), "2026-10-04T00:00:00+10:30", "2026-10-04T02:30:00+11:00"},
		{"lord howe spring: hourly skips to 03:00", cron("0 * * * *", lh), "2026-10-04T01:00:00+10:30", "2026-10-04T03:00:00+11:00"},
		{"lord howe fall: 01:45 first occurrence", cron("45 1 * * *", lh), "2026-04-05T00:00:00+11:00", "2026-04-05T01:45:00+11:00"},
		{"lord howe fall: not the second", cron("45 1 * * *", lh), "2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"},
		{"lord howe fall: hourly", cron("0 * * * *", lh), "2026-04-05T01:00:00+11:00", "2026-04-05T02:00:00+10:30"},
	})
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		trig  attestation.TimeTrigger
		field string // the CronError's field, for cron errors
		msg   string // a part of the message
	}{
		{"unknown schedule", attestation.TimeTrigger{Schedule: "weekly"}, "", `unknown schedule "weekly"`},
		{"interval zero", attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Start: 1}, "", "at least 1 second"},
		{"interval before the epoch", attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60, Start: -1}, "", "before the unix epoch"},
		{"interval too large", attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: math.MaxUint64, Start: 1}, "", "too large"},
		{"end before start", attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60, Start: 100, End: 50}, "", "end 50 before start 100"},
		{"once without times", attestation.TimeTrigger{Schedule: attestation.ScheduleOnce}, "", "without times"},
		{"once not increasing", attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: []int64{5, 5}}, "", "strictly increasing"},
		{"bad zone", cron("* * * * *", "Mars/Olympus"), "", `unknown time zone "Mars/Olympus"`},
		{"local zone", cron("* * * * *", "Local"), "", `unknown time zone "Local"`},
		{"empty cron", cron("", ""), "", "0 fields"},
		{"four fields", cron("* * * *", ""), "", "4 fields"},
		{"seven fields", cron("* * * * * * *", ""), "", "7 fields"},
		{"unknown descriptor", cron("@every 5m", ""), "", "unknown descriptor"},
		{"minute too big", cron("60 * * * *", ""), "minute", "60 is out of range 0-59"},
		{"second too big", cron("60 * * * * *", ""), "second", "out of range 0-59"},
		{"hour too big", cron("0 24 * * *", ""), "hour", "24 is out of range 0-23"},
		{"day of month zero", cron("0 0 0 * *", ""), "day of month", "0 is out of range 1-31"},
		{"month 13", cron("0 0 1 13 *", ""), "month", "13 is out of range 1-12"},
		{"day of week 8", cron("0 0 * * 8", ""), "day of week", "8 is out of range 0-7"},
		{"month name in day of week", cron("0 0 * * JAN", ""), "day of week", `"JAN" is neither a number nor a name`},
		{"name in hour", cron("0 MON * * *", ""), "hour", `"MON" is not a number`},
		{"reversed range", cron("0 0 * * FRI-MON", ""), "day of week", "starts after it ends"},
		{"zero step", cron("*/0 * * * *", ""), "minute", `step "0" is not a positive integer`},
		{"negative step", cron("*/-1 * * * *", ""), "minute", "not a positive integer"},
		{"step too large", cron("0 */25 * * *", ""), "hour", "larger than the field's range"},
		{"empty list element", cron("1,,2 * * * *", ""), "minute", "empty list element"},
		{"dangling range", cron("1- * * * *", ""), "minute", "missing value"},
		{"question mark in minute", cron("? * * * *", ""), "minute", "only allowed in the day"},
		{"question mark in a list", cron("0 0 ?,1 * *", ""), "day of month", "must stand alone"},
		{"no such day", cron("0 0 30 2 *", ""), "day of month", `no such day in the months "2"`},
		{"no 31st in short months", cron("0 0 31 APR,JUN,SEP,NOV *", ""), "day of month", "no such day"},
		{"huge number", cron("99999999999999999999 * * * *", ""), "minute", "out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := schedule.Parse(tc.trig)
			require.Error(t, err)
			require.ErrorIs(t, err, schedule.ErrInvalidSchedule)
			require.Contains(t, err.Error(), tc.msg)
			var ce *schedule.CronError
			if tc.field != "" {
				require.True(t, errors.As(err, &ce), "%v", err)
				require.Equal(t, tc.field, ce.Field)
				require.Contains(t, err.Error(), tc.field+" field")
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	for _, expr := range []string{
		"0 0 29 2 *",         // leap days only
		"0 0 30 2 MON",       // 30 never in Feb, but Mondays do
		"0 0 31 * *",         // months with 31 days
		"  0   0  *  *  *  ", // spaces
		"0\t0\t*\t*\t*",      // tabs
		"0 0 * * 7",          // Sunday as 7
		"0 0 * * 0-7",        // every day
		"0 0 * * mon-Fri",    // mixed case
		"0 0 ? * *",          // '?' in the day of month
		"0 0-23/1 * * *",     // every hour
		"*/59 */59 */23 */31 */12 */7",
	} {
		_, err := schedule.Parse(cron(expr, "Europe/Berlin"))
		require.NoError(t, err, expr)
	}
}

// TestConcurrentUse: schedules and Parse (with its zone cache) may be used
// from many goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	s, err := schedule.Parse(cron("*/15 * * * *", "America/New_York"))
	require.NoError(t, err)
	after := at(t, "2026-11-01T00:00:00-04:00")
	want, ok := s.Next(after)
	require.True(t, ok)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 200 {
				if got, _ := s.Next(after); !got.Equal(want) {
					errs <- errors.New("different slot")
					return
				}
				if _, err := schedule.Parse(cron("0 9 * * *", "Europe/Berlin")); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}
