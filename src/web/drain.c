/* drain.c: stopping `copro serve` without cutting the requests under way:
 * no new connections (MHD_quiesce_daemon), new requests on kept-alive ones
 * refused before any work, running ones given DRAIN_SECONDS to finish. */
#include "web/drain.h"

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static atomic_int under_way;
static atomic_bool stopping;

void drain_request_started(void)
{
	atomic_fetch_add(&under_way, 1);
}

void drain_request_finished(void)
{
	atomic_fetch_sub(&under_way, 1);
}

bool drain_stopping(void)
{
	return atomic_load(&stopping);
}

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int drain_wait(struct MHD_Daemon *d)
{
	atomic_store(&stopping, true);
	MHD_socket listening = MHD_quiesce_daemon(d);
	if (listening != MHD_INVALID_SOCKET)
		close(listening);
	int n = atomic_load(&under_way);
	if (n > 0) {
		printf("copro is stopping: letting %d %s under way finish (at most %d s).\n", n,
		       n == 1 ? "request" : "requests", DRAIN_SECONDS);
		fflush(stdout);
	}
	double until = seconds_now() + DRAIN_SECONDS;
	while ((n = atomic_load(&under_way)) > 0 && seconds_now() < until)
		nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
	return n;
}
