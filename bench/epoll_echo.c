/* sockplay-epoll-echo: the raw epoll echo server every scale number is compared with.
 *   sockplay-epoll-echo [--tcp PORT] [--udp PORT]
 * Binds 127.0.0.1, prints "tcp N" / "udp N" (the ports chosen, also for 0) on stdout,
 * then echoes until SIGTERM/SIGINT. One thread, nonblocking sockets, level-triggered
 * epoll. TCP: accepts until EAGAIN (backlog 4096, the kernel caps it at net.core.somaxconn), writes back what it reads;
 * what the peer does not take yet is kept and sent on EPOLLOUT, and the connection
 * is not read meanwhile (no byte is dropped, memory stays bounded), so a peer's
 * end of stream is read only once all before it is sent: then it closes. UDP: recvmmsg, then
 * sendmmsg of every datagram back to its sender (one datagram for one datagram). */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

enum { Batch = 64, DatagramMax = 65536, ReadMax = 65536, Events = 256 };

struct conn { char *buf; size_t len, off; };
static struct conn *conns; /* indexed by fd */
static int ep, tcpfd = -1, udpfd = -1;

static int bound_socket(int type, int port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int one = 1, fd = socket(AF_INET, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0
        || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || getsockname(fd, (struct sockaddr *)&a, &len) < 0
        || (type == SOCK_STREAM && listen(fd, 4096) < 0)) {
        perror("epoll-echo: socket");
        exit(1);
    }
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    printf("%s %d\n", type == SOCK_STREAM ? "tcp" : "udp", ntohs(a.sin_port));
    return fd;
}

static void drop(int fd)
{
    free(conns[fd].buf);
    conns[fd] = (struct conn){0};
    close(fd); /* also leaves the epoll set */
}

static void watch(int fd, unsigned events)
{
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

/* Sends what is kept for fd; 1 when all is out, 0 when the peer must read first, -1 on error. */
static int flush(int fd)
{
    struct conn *c = &conns[fd];
    while (c->off < c->len) {
        ssize_t n = send(fd, c->buf + c->off, c->len - c->off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        c->off += (size_t)n;
    }
    c->len = c->off = 0;
    return 1;
}

static void on_tcp(int fd, unsigned events)
{
    static char buf[ReadMax];
    struct conn *c = &conns[fd];
    if (c->len > c->off || (events & EPOLLOUT)) { /* waiting for the peer to read */
        int done = flush(fd);
        if (done < 0)
            drop(fd);
        else if (done)
            watch(fd, EPOLLIN);
        return;
    }
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        drop(fd); /* nothing is kept here: all read so far was sent */
        return;
    }
    if (n < 0)
        return;
    ssize_t sent = send(fd, buf, (size_t)n, MSG_NOSIGNAL);
    if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        drop(fd);
        return;
    }
    if (sent < 0)
        sent = 0;
    if (sent < n) { /* keep the rest, stop reading until the peer took it */
        if (!c->buf && !(c->buf = malloc(ReadMax))) {
            drop(fd);
            return;
        }
        memcpy(c->buf, buf + sent, (size_t)(n - sent));
        c->len = (size_t)(n - sent);
        c->off = 0;
        watch(fd, EPOLLOUT);
    }
}

static void on_udp(void)
{
    static char bufs[Batch][DatagramMax];
    static struct sockaddr_in from[Batch];
    struct iovec iov[Batch];
    struct mmsghdr msgs[Batch];
    for (;;) {
        for (int i = 0; i < Batch; ++i) {
            iov[i] = (struct iovec){.iov_base = bufs[i], .iov_len = DatagramMax};
            msgs[i] = (struct mmsghdr){.msg_hdr = {.msg_name = &from[i], .msg_namelen = sizeof from[i],
                                                    .msg_iov = &iov[i], .msg_iovlen = 1}};
        }
        int got = recvmmsg(udpfd, msgs, Batch, 0, NULL);
        if (got <= 0)
            return; /* EAGAIN: drained */
        for (int i = 0; i < got; ++i)
            iov[i].iov_len = msgs[i].msg_len; /* the reply is the datagram, exactly */
        for (int at = 0, tries = 0; at < got && tries < 100;) {
            int n = sendmmsg(udpfd, msgs + at, (unsigned)(got - at), 0);
            if (n > 0) {
                at += n;
            } else if (errno == EAGAIN || errno == ENOBUFS) { /* send buffer full: wait a little */
                struct pollfd p = {.fd = udpfd, .events = POLLOUT};
                poll(&p, 1, 10);
                ++tries;
            } else {
                ++at; /* that sender is gone (ECONNREFUSED...): skip its datagram */
            }
        }
    }
}

int main(int argc, char **argv)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    size_t slots = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1048576 ? 1048576 : (size_t)rl.rlim_cur;
    conns = calloc(slots, sizeof *conns);
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (!conns || ep < 0 || argc < 3) {
        fprintf(stderr, "usage: %s [--tcp PORT] [--udp PORT]\n", argv[0]);
        return 2;
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--tcp") == 0)
            tcpfd = bound_socket(SOCK_STREAM, atoi(argv[i + 1]));
        else if (strcmp(argv[i], "--udp") == 0)
            udpfd = bound_socket(SOCK_DGRAM, atoi(argv[i + 1]));
    }
    fflush(stdout);
    struct epoll_event evs[Events];
    for (;;) {
        int n = epoll_wait(ep, evs, Events, -1);
        for (int i = 0; i < n; ++i) {
            int fd = evs[i].data.fd;
            if (fd == udpfd) {
                on_udp();
            } else if (fd == tcpfd) {
                for (;;) { /* accept until EAGAIN */
                    int c = accept4(tcpfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (c < 0)
                        break;
                    if ((size_t)c >= slots) {
                        close(c);
                        continue;
                    }
                    int one = 1;
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
                }
            } else {
                on_tcp(fd, evs[i].events);
            }
        }
    }
}
