// sockplay-bench-qtlinked HOST PORT: `echo hi | nc -N HOST PORT` done with plain
// POSIX calls, in a program that loads the libraries every Qt client loads
// (QtCore, QtNetwork and what they need) and calls none of them on the way.
// scripts/bench.sh times it beside nc -N: the gap is what the dynamic loader
// alone costs on this machine, before a line of Qt or SockPlay code runs.
// HOST is an IPv4 literal.

#include <QHostAddress>
#include <QtGlobal>

#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    // Never set: keeps both libraries linked (--as-needed drops one that is not called).
    if (std::getenv("SOCKPLAY_BENCH_CALL_QT") && qVersion() && QHostAddress(QHostAddress::LocalHost).isLoopback())
        return 3;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(quint16(std::atoi(argv[2])));
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || ::inet_pton(AF_INET, argv[1], &to.sin_addr) != 1
        || ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
        std::perror("connect");
        return 1;
    }
    char buffer[4096];
    for (ssize_t n; (n = ::read(0, buffer, sizeof buffer)) > 0;) {
        for (ssize_t sent = 0; sent < n;) {
            const ssize_t w = ::write(fd, buffer + sent, size_t(n - sent));
            if (w <= 0)
                return 1;
            sent += w;
        }
    }
    ::shutdown(fd, SHUT_WR); // nc -N: EOF on stdin is a FIN
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        std::fwrite(buffer, 1, size_t(n), stdout);
    ::close(fd);
    return 0;
}
