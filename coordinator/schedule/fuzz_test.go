package schedule_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

// FuzzParseCron: parsing never panics, errors name their field and wrap
// ErrInvalidSchedule, and Next returns increasing slots after its argument.
func FuzzParseCron(f *testing.F) {
	for _, s := range []string{
		"* * * * *", "*/5 * * * *", "0 9 * * MON-FRI", "1-30/2 0 1,15 JAN-JUN,SEP ?",
		"0 0 29 2 *", "0 30 2 * * SUN", "@hourly", "@yearly", "*/10 * * * * *",
		"0 0 13 * FRI", "0 0 */2 * 7", "5/15 * * * *", "0 0 30 2 *", "60 * * * *",
		"* * * * * * *", "@every 1h", "?", "0 0 ? * ?", "1-2-3 * * * *", "*/0 * * * *",
		"0 0 31 * *", "0,,1 * * * *", "-1 * * * *", "0 0 1 1 0-7/7",
	} {
		f.Add(s, int64(1_790_000_000), uint8(0))
		f.Add(s, int64(-62135596800), uint8(1))
	}
	f.Add("0 * * * *", int64(2240226000), uint8(1)) // 2040-12-31T05:00:00Z, golang/go#81583
	zones := []string{"", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata"}
	f.Fuzz(func(t *testing.T, expr string, after int64, zone uint8) {
		loc, err := time.LoadLocation(zones[int(zone)%len(zones)])
		require.NoError(t, err)
		c, err := schedule.ParseCron(expr, loc)
		if err != nil {
			require.ErrorIs(t, err, schedule.ErrInvalidSchedule)
			var ce *schedule.CronError
			require.True(t, errors.As(err, &ce))
			return
		}
		prev := time.Unix(after, 0)
		for range 3 {
			next, ok := c.Next(prev)
			if !ok {
				return
			}
			require.True(t, next.After(prev), "%q: Next(%s) = %s", expr, prev, next)
			require.Zero(t, next.Nanosecond())
			prev = next
		}
	})
}
