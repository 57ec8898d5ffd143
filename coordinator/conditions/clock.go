package conditions

import "time"

// Clock is the scheduler's time: due times, cooldowns and end times are read
// from it, and the scheduler sleeps on it. Tests inject a clock they advance.
type Clock interface {
	Now() time.Time
	// At returns a channel that receives once the clock has reached t (at
	// once if it has already). The time is absolute, so a clock advanced
	// between Now and At cannot make the scheduler oversleep.
	At(t time.Time) <-chan time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time                  { return time.Now() }
func (systemClock) At(t time.Time) <-chan time.Time { return time.After(time.Until(t)) }
