/* sockplay-epoll-udp-sink: the least a UDP receiver can do, to compare sockplay-cli with.
 * Binds UDP 127.0.0.1:0, prints "port N", counts datagrams (recvmmsg in an epoll
 * loop) and, 2 s after the last one, prints "received N datagrams in S s" (S: first
 * to last datagram). Gives up after 60 s if nothing ever arrives. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { Batch = 64, DatagramMax = 2048, IdleMs = 2000, NothingMs = 60000 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0
        || getsockname(fd, (struct sockaddr *)&addr, &len) < 0) {
        perror("sink: socket");
        return 1;
    }
    printf("port %d\n", ntohs(addr.sin_port));
    fflush(stdout);

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        perror("sink: epoll");
        return 1;
    }
    static char buffers[Batch][DatagramMax];
    struct iovec iov[Batch];
    struct mmsghdr msgs[Batch];
    unsigned long long count = 0;
    double first = 0, last = 0;
    for (;;) {
        int n = epoll_wait(ep, &ev, 1, count ? IdleMs : NothingMs);
        if (n <= 0)
            break; /* idle (or nothing ever came) */
        for (;;) {
            for (int i = 0; i < Batch; ++i) {
                iov[i] = (struct iovec){.iov_base = buffers[i], .iov_len = DatagramMax};
                msgs[i] = (struct mmsghdr){.msg_hdr = {.msg_iov = &iov[i], .msg_iovlen = 1}};
            }
            int got = recvmmsg(fd, msgs, Batch, 0, NULL);
            if (got <= 0)
                break; /* EAGAIN: drained */
            last = now();
            if (count == 0)
                first = last;
            count += (unsigned long long)got;
        }
    }
    printf("received %llu datagrams in %.3f s\n", count, count ? last - first : 0.0);
    return 0;
}
