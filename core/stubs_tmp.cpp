#include "session.h"
namespace SockPlay {
void Session::startRepeat(int, int, const ReplyTemplate &, quint64, int) {}
void Session::stopRepeat(int) {}
void Session::sendFile(int, int, const QString &) {}
void Session::cancelFileSend(int) {}
}
