// The fault-injecting proxy of `make chaos` (dev/go/faultproxy): standard library only.
module modelops.local/faultproxy

go 1.25
