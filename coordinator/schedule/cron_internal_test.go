package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/require"
)

func TestCivil(t *testing.T) {
	for _, d := range []string{"0001-01-01", "1582-10-15", "1900-02-28", "1970-01-01", "2000-02-29", "2026-03-08", "2100-03-01", "9999-12-31"} {
		tm, err := time.Parse(time.DateOnly, d)
		require.NoError(t, err)
		z, _ := floorDiv(tm.Unix(), secondsPerDay)
		y, m, dd := civilFromDays(z)
		require.Equal(t, d, fmt.Sprintf("%04d-%02d-%02d", y, m, dd))
		require.Equal(t, z, daysFromCivil(y, m, dd))
		require.Equal(t, int(tm.Weekday()), weekday(z))
	}
}

// isSlot is a reference for Cron, written from the documented rules rather
// than from the search: u is a slot when
//   - the expression matches every hour and the local time at u matches, or
//   - the local time at u matches and u is its first occurrence, or
//   - u ends a spring-forward gap in which some wall time matches.
func (c *Cron) isSlot(u int64) bool {
	t := time.Unix(u, 0).In(c.loc)
	if c.allHours {
		return c.matches(t)
	}
	_, off := t.Zone()
	start, _ := t.ZoneBounds()
	if !start.IsZero() && u-start.Unix() < 2*secondsPerDay {
		_, prevOff := start.Add(-time.Second).Zone()
		wall := u + int64(off)
		if prevOff > off { // fall back: is this the second pass?
			if wall < start.Unix()+int64(prevOff) {
				return false
			}
		}
		if prevOff < off && u == start.Unix() { // spring forward: the gap's end
			for w := start.Unix() + int64(prevOff); w < wall; w++ {
				if c.matches(time.Unix(w, 0).UTC()) {
					return true
				}
			}
		}
	}
	return c.matches(t)
}

// matches reports whether the fields shown by t match.
func (c *Cron) matches(t time.Time) bool {
	bit := func(set uint64, v int) bool { return set&(1<<v) != 0 }
	dom, dow := bit(c.dom, t.Day()), bit(c.dow, int(t.Weekday()))
	day := dom || dow
	if c.domStar || c.dowStar {
		day = dom && dow
	}
	return day && bit(c.month, int(t.Month())) && bit(c.hour, t.Hour()) && bit(c.minute, t.Minute()) && bit(c.second, t.Second())
}

// TestCronAgainstReference compares Next with a second-by-second scan
// around the 2026 transitions of zones with 1-hour and 30-minute shifts.
func TestCronAgainstReference(t *testing.T) {
	pick := func(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }
	r := rand.New(rand.NewPCG(1, 2))
	zones := map[string][]string{
		"UTC":                 {"2026-03-08T00:00:00Z"},
		"America/New_York":    {"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z", "2040-12-31T12:00:00Z"}, // golang/go#81583
		"Europe/Berlin":       {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"},
		"Australia/Lord_Howe": {"2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"},
		"Pacific/Apia":        {"2011-12-30T10:00:00Z"}, // skipped a whole day
	}
	n := 400
	if testing.Short() {
		n = 60
	}
	for zone, transitions := range zones {
		loc, err := time.LoadLocation(zone)
		require.NoError(t, err)
		for range n {
			expr := fmt.Sprintf("%s %s %s %s %s %s",
				pick(r, "0", "0", "0", "30", "*/20", "*"),
				pick(r, "*", "0", "*/15", "30", "0,30", "5-10", "45"),
				pick(r, "*", "*", "1", "2", "3", "1-3", "*/2", "2,3", "0-23", "23"),
				pick(r, "*", "*", "?", "8", "*/2", "1-10", "29", "30,31", "4,5", "25"),
				pick(r, "*", "*", "MAR,NOV", "3", "10", "4", "APR,OCT", "12"),
				pick(r, "*", "*", "?", "SUN", "MON-FRI", "7", "SAT", "*/3"))
			c, err := ParseCron(expr, loc)
			if err != nil {
				continue // an impossible day
			}
			tr, err := time.Parse(time.RFC3339, transitions[r.IntN(len(transitions))])
			require.NoError(t, err)
			a := tr.Unix() + r.Int64N(6*3600) - 3*3600
			got, ok := c.next(a)
			// Scan up to the result, or 30 hours when there is none or it
			// is later.
			end := a + 30*3600
			if ok && got < end {
				end = got
			}
			// Offsets and transitions of these zones are whole minutes: only
			// the seconds of the field, and second 0 for gap ends, can be slots.
			want := int64(-1)
		scan:
			for mb := a / 60 * 60; mb <= end; mb += 60 {
				for s := range 60 {
					u := mb + int64(s)
					if u <= a || (s > 0 && c.second&(1<<s) == 0) {
						continue
					}
					if u > end {
						break scan
					}
					if c.isSlot(u) {
						want = u
						break scan
					}
				}
			}
			if want >= 0 {
				require.True(t, ok, "%s in %s after %s: none, want %s", expr, zone, time.Unix(a, 0).In(loc), time.Unix(want, 0).In(loc))
				require.Equal(t, want, got, "%s in %s after %s: got %s, want %s", expr, zone,
					time.Unix(a, 0).In(loc), time.Unix(got, 0).In(loc), time.Unix(want, 0).In(loc))
			} else if ok {
				require.Greater(t, got, end, "%s in %s after %s: got %s, not a slot", expr, zone, time.Unix(a, 0).In(loc), time.Unix(got, 0).In(loc))
			}
		}
	}
}

// TestLatestAgainstSteps checks Due's binary search against stepping
// through the slots one by one.
func TestLatestAgainstSteps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	exprs := []string{"*/7 * * * * *", "0 */5 * * * *", "0 0 * * * *", "0 30 2 * * *", "0 0 0 29 2 *", "13 17 1-5 * * MON"}
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	base := time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC).Unix()
	for _, expr := range exprs {
		c, err := ParseCron(expr, ny)
		require.NoError(t, err)
		for range 40 {
			last := base + r.Int64N(4*secondsPerDay)
			now := last + r.Int64N(3*secondsPerDay)
			var want int64 = -1
			for s, ok := c.next(last); ok && s <= now; s, ok = c.next(s) {
				want = s
			}
			slot, fire, _, _ := Due(c, time.Unix(last, 0), time.Unix(now, 0))
			if want < 0 {
				require.False(t, fire, expr)
				continue
			}
			require.True(t, fire, expr)
			require.Equal(t, want, slot.Unix(), "%s (%s, %s]", expr, time.Unix(last, 0).In(ny), time.Unix(now, 0).In(ny))
		}
	}
}
