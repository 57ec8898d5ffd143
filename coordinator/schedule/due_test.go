package schedule_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

func TestDue(t *testing.T) {
	const start = int64(1767225600) // 2026-01-01T00:00:00Z
	minutely := attestation.TimeTrigger{Schedule: attestation.ScheduleInterval, Interval: 60, Start: start}
	ending := minutely
	ending.End = start + 120
	times := attestation.TimeTrigger{Schedule: attestation.ScheduleOnce, Times: []int64{start, start + 100, start + 200}}
	ny := cron("0 * * * *", "America/New_York")
	for _, tc := range []struct {
		name      string
		trig      attestation.TimeTrigger
		last, now string
		slot      string // "" for no firing
		next      string // "" for none
		missed    int
	}{
		{"never fired, before the first slot", minutely, "", "2025-12-31T23:59:59Z", "", "2026-01-01T00:00:00Z", 0},
		{"never fired, now on the first slot", minutely, "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 0},
		{"never fired, three slots past", minutely, "", "2026-01-01T00:02:30Z", "2026-01-01T00:02:00Z", "2026-01-01T00:03:00Z", 2},
		{"nothing due yet", minutely, "2026-01-01T00:00:00Z", "2026-01-01T00:00:59Z", "", "2026-01-01T00:01:00Z", 0},
		{"now exactly on a slot", minutely, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z", 0},
		{"one missed", minutely, "2026-01-01T00:00:00Z", "2026-01-01T00:01:30Z", "2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z", 0},
		{"many missed: latest once", minutely, "2026-01-01T00:00:00Z", "2026-01-01T01:00:30Z", "2026-01-01T01:00:00Z", "2026-01-01T01:01:00Z", 59},
		{"a day down", minutely, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T00:01:00Z", 1439},
		{"ended while down", ending, "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T00:02:00Z", "", 1},
		{"ended and fired", ending, "2026-01-01T00:02:00Z", "2026-01-01T01:00:00Z", "", "", 0},
		{"once: never fired, two past", times, "", "2026-01-01T00:02:00Z", "2026-01-01T00:01:40Z", "2026-01-01T00:03:20Z", 1},
		{"once: the last", times, "2026-01-01T00:01:40Z", "2026-01-01T00:05:00Z", "2026-01-01T00:03:20Z", "", 0},
		{"once: all fired", times, "2026-01-01T00:03:20Z", "2026-01-01T00:05:00Z", "", "", 0},
		{"cron: many missed", cron("*/5 * * * *", ""), "2026-01-01T00:00:00Z", "2026-01-01T10:02:00Z", "2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z", 119},
		{"cron: now on a slot", cron("*/5 * * * *", ""), "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z", "2026-01-01T00:05:00Z", "2026-01-01T00:10:00Z", 0},
		{"cron: never fired", cron("0 0 1 * *", ""), "", "2026-03-15T00:00:00Z", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", 674},
		{"cron: down through the fall back", ny, "2026-11-01T00:00:00-04:00", "2026-11-01T02:30:00-05:00", "2026-11-01T02:00:00-05:00", "2026-11-01T03:00:00-05:00", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := schedule.Parse(tc.trig)
			require.NoError(t, err)
			last, now := at(t, tc.last), at(t, tc.now)
			slot, fire, next, ok := schedule.Due(s, last, now)
			if tc.slot == "" {
				require.False(t, fire, "fired %s", slot)
			} else {
				require.True(t, fire)
				require.True(t, at(t, tc.slot).Equal(slot), "slot %s, want %s", slot.UTC(), tc.slot)
			}
			if tc.next == "" {
				require.False(t, ok, "next %s", next)
			} else {
				require.True(t, ok)
				require.True(t, at(t, tc.next).Equal(next), "next %s, want %s", next.UTC(), tc.next)
			}
			require.Equal(t, tc.missed, schedule.Missed(s, last, now))
		})
	}
}

func TestMissedCap(t *testing.T) {
	s, err := schedule.Parse(cron("* * * * * *", ""))
	require.NoError(t, err)
	last := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	require.Equal(t, schedule.MaxMissedCount, schedule.Missed(s, last, last.Add(48*time.Hour)))
	slot, fire, _, _ := schedule.Due(s, last, last.Add(48*time.Hour))
	require.True(t, fire)
	require.Equal(t, last.Add(48*time.Hour), slot.UTC())
}
