package schedule

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/triggerx-network/triggerx/attestation"
)

// ErrInvalidSchedule is wrapped by every error of Parse and ParseCron.
var ErrInvalidSchedule = errors.New("invalid schedule")

// Schedule says when a time trigger fires. Slots are whole unix seconds.
// Schedules returned by this package are immutable and safe for concurrent
// use.
type Schedule interface {
	// Next returns the first slot strictly after after, within the
	// schedule's bounds, and false when there is none.
	Next(after time.Time) (time.Time, bool)
}

// Parse returns the schedule of a time trigger: slots within [Start, End]
// (End 0: no end) of
//   - interval: Start + k·Interval seconds, k ≥ 0; without a Start (0) the
//     slots are the multiples of Interval since the unix epoch;
//   - once: each of Times (strictly increasing);
//   - cron: the expression Cron evaluated in TimeZone (IANA name, "" for
//     UTC), see ParseCron.
//
// Interval and once schedules are absolute times: TimeZone does not change
// them (it is still checked). Errors wrap ErrInvalidSchedule.
func Parse(t attestation.TimeTrigger) (Schedule, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidSchedule, fmt.Sprintf(format, a...))
	}
	if t.End != 0 && t.End < t.Start {
		return nil, bad("end %d before start %d", t.End, t.Start)
	}
	end := t.End
	if end == 0 {
		end = math.MaxInt64
	}
	loc, err := location(t.TimeZone)
	if err != nil {
		return nil, bad("unknown time zone %q", t.TimeZone)
	}
	switch t.Schedule {
	case attestation.ScheduleInterval:
		if t.Interval == 0 {
			return nil, bad("interval must be at least 1 second")
		}
		if t.Interval > math.MaxInt64 {
			return nil, bad("interval %d too large", t.Interval)
		}
		if t.Start < 0 {
			return nil, bad("start time %d before the unix epoch", t.Start)
		}
		start := t.Start
		if start == 0 {
			// No start: the grid of multiples of the interval since the
			// unix epoch, so every node derives the same slots.
			start = int64(t.Interval)
		}
		return &interval{start: start, every: int64(t.Interval), end: end}, nil
	case attestation.ScheduleOnce:
		if len(t.Times) == 0 {
			return nil, bad("one-shot schedule without times")
		}
		for i := 1; i < len(t.Times); i++ {
			if t.Times[i] <= t.Times[i-1] {
				return nil, bad("one-shot times must be strictly increasing")
			}
		}
		lo := sort.Search(len(t.Times), func(i int) bool { return t.Times[i] >= t.Start })
		hi := sort.Search(len(t.Times), func(i int) bool { return t.Times[i] > end })
		return once(append([]int64(nil), t.Times[lo:max(lo, hi)]...)), nil
	case attestation.ScheduleCron:
		c, err := ParseCron(t.Cron, loc)
		if err != nil {
			return nil, err
		}
		c.start, c.end = t.Start, end
		return c, nil
	}
	return nil, bad("unknown schedule %q", t.Schedule)
}

// locations caches time.LoadLocation, which reads the zone file each call.
// Only valid names are stored, so it holds at most the tz database's names.
var locations sync.Map // string → *time.Location

func location(name string) (*time.Location, error) {
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	if l == time.Local {
		// "Local" is the machine's zone: never part of a job.
		return nil, errors.New("local time zone")
	}
	locations.Store(name, l)
	return l, nil
}

// interval fires at start + k·every, k ≥ 0, up to end.
type interval struct {
	start, every, end int64
}

func (s *interval) Next(after time.Time) (time.Time, bool) {
	u, ok := s.next(after.Unix())
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(u, 0).UTC(), true
}

// next returns the first slot after unix second a.
func (s *interval) next(a int64) (int64, bool) {
	if a < s.start {
		return s.start, s.start <= s.end
	}
	k := uint64((a-s.start)/s.every) + 1 // a-start ≥ 0 and start > 0: no overflow
	off := k * uint64(s.every)           // < 2^64: k·every ≤ a-start+every
	if off > uint64(s.end-s.start) {
		return 0, false
	}
	return s.start + int64(off), true
}

// count returns how many slots lie in (a, b].
func (s *interval) count(a, b int64) int64 {
	b = min(b, s.end)
	if b < s.start || b <= a {
		return 0
	}
	// Slots ≤ b: ⌊(b-start)/every⌋+1; slots ≤ a likewise when a ≥ start.
	n := (b-s.start)/s.every + 1
	if a >= s.start {
		n -= (a-s.start)/s.every + 1
	}
	return n
}

// once fires at each of its times, strictly increasing, already cut to the
// schedule's bounds.
type once []int64

func (s once) Next(after time.Time) (time.Time, bool) {
	a := after.Unix()
	i := sort.Search(len(s), func(i int) bool { return s[i] > a })
	if i == len(s) {
		return time.Time{}, false
	}
	return time.Unix(s[i], 0).UTC(), true
}

// count returns how many slots lie in (a, b].
func (s once) count(a, b int64) int64 {
	if b <= a {
		return 0
	}
	i := sort.Search(len(s), func(i int) bool { return s[i] > a })
	j := sort.Search(len(s), func(i int) bool { return s[i] > b })
	return int64(j - i)
}
