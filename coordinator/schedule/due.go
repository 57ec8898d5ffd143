package schedule

import (
	"time"
)

// MaxMissedCount caps what Missed counts by stepping through a cron
// schedule's slots; interval and one-shot schedules are counted exactly.
const MaxMissedCount = 100_000

// Due applies the catch-up policy at now to a schedule whose last fired slot
// is last (zero if it never fired). When slots fell in (last, now], slot is
// the latest of them and fire is true: it fires once, and the earlier ones
// are skipped (Missed counts them). next is the first slot after now; ok is
// false when there is none, that is when the schedule is over once slot (if
// any) has fired.
//
// Due assumes whole-second slots, as are those of every Schedule of this
// package. It costs two or three calls of Next when at most one slot is due,
// and O(log(now-last)) calls after a long downtime.
func Due(s Schedule, last, now time.Time) (slot time.Time, fire bool, next time.Time, ok bool) {
	first, has := s.Next(last)
	if !has || first.After(now) {
		return time.Time{}, false, first, has
	}
	slot = latest(s, first, now)
	next, ok = s.Next(now)
	return slot, true, next, ok
}

// latest returns the latest slot ≤ now given first, the first slot after
// the last fired one, with first ≤ now.
func latest(s Schedule, first, now time.Time) time.Time {
	if iv, ok := s.(*interval); ok {
		n := iv.count(first.Unix(), now.Unix())
		return time.Unix(first.Unix()+n*iv.every, 0).UTC()
	}
	second, ok := s.Next(first)
	if !ok || second.After(now) {
		return first
	}
	// Binary search on whole seconds for the largest x with Next(x) ≤ now:
	// Next(x) is then the latest slot. Invariant: Next(lo) = best ≤ now and
	// Next(hi) > now (slots are whole seconds, so Next(⌊now⌋) > now).
	lo, hi, best := second.Unix()-1, now.Unix(), second
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if r, ok := s.Next(time.Unix(mid, 0)); ok && !r.After(now) {
			lo, best = r.Unix()-1, r // Next(r-1) = r; r > mid
		} else {
			hi = mid
		}
	}
	return best
}

// Missed returns how many slots in (last, now] Due skips: all but the
// latest, 0 when at most one is due. It is exact for interval and one-shot
// schedules, and counts cron slots one by one up to MaxMissedCount.
func Missed(s Schedule, last, now time.Time) int {
	var n int64
	switch v := s.(type) {
	case *interval:
		n = v.count(last.Unix(), now.Unix())
	case once:
		n = v.count(last.Unix(), now.Unix())
	default:
		t := last
		for n <= MaxMissedCount {
			r, ok := s.Next(t)
			if !ok || r.After(now) {
				break
			}
			n++
			t = r
		}
		if n > MaxMissedCount {
			return MaxMissedCount
		}
	}
	if n <= 1 {
		return 0
	}
	return int(min(n-1, int64(^uint(0)>>1)))
}
