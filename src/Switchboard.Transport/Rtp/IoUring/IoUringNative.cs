using System.Runtime.InteropServices;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// The Linux io_uring system calls and the parts of its ABI the RTP ring uses (linux/io_uring.h: setup flags, opcodes,
/// SQE/CQE layout, provided-buffer rings). Only what this engine needs; offsets are the kernel's UAPI, identical on
/// x86-64 and arm64. The syscall numbers of io_uring are the same on every architecture (425-427).
/// </summary>
internal static unsafe partial class IoUringNative
{
    public const long SysSetup = 425;
    public const long SysEnter = 426;
    public const long SysRegister = 427;

    // io_uring_setup flags
    public const uint SetupCqSize = 1u << 3;
    public const uint SetupClamp = 1u << 4;
    public const uint SetupSubmitAll = 1u << 7;
    public const uint SetupCoopTaskRun = 1u << 8;
    public const uint SetupSingleIssuer = 1u << 12;
    public const uint SetupDeferTaskRun = 1u << 13;

    // features reported by the kernel
    public const uint FeatSingleMmap = 1u << 0;
    public const uint FeatNoDrop = 1u << 1;
    public const uint FeatCqeSkip = 1u << 11;
    public const uint FeatMinTimeout = 1u << 15;

    // io_uring_enter flags
    public const uint EnterGetEvents = 1u << 0;
    public const uint EnterExtArg = 1u << 3;

    // mmap offsets
    public const long OffSqRing = 0;
    public const long OffCqRing = 0x8000000;
    public const long OffSqes = 0x10000000;

    // opcodes
    public const byte OpSendMsg = 9;
    public const byte OpRecvMsg = 10;
    public const byte OpAsyncCancel = 14;
    public const byte OpRead = 22;
    public const byte OpSend = 26;

    // SQE flags
    public const byte SqeFixedFile = 1 << 0;
    public const byte SqeBufferSelect = 1 << 5;
    public const byte SqeCqeSkipSuccess = 1 << 6;

    // sqe->ioprio for receives
    public const ushort RecvMultishot = 1 << 1;

    // CQE flags
    public const uint CqeFBuffer = 1u << 0;
    public const uint CqeFMore = 1u << 1;

    // io_uring_register opcodes
    public const uint RegisterFilesUpdate = 6;
    public const uint RegisterFiles2 = 13;
    public const uint RegisterPbufRing = 22;

    // struct io_uring_rsrc_register flags
    public const uint RsrcRegisterSparse = 1;

    public const int SqeSize = 64;
    public const int CqeSize = 16;
    public const int ParamsSize = 120;

    // struct io_uring_params field offsets
    public const int ParamSqEntries = 0;
    public const int ParamCqEntries = 4;
    public const int ParamFlags = 8;
    public const int ParamFeatures = 20;
    public const int ParamSqOff = 40;
    public const int ParamCqOff = 80;

    // struct io_sqring_offsets / io_cqring_offsets (relative to ParamSqOff / ParamCqOff)
    public const int SqOffHead = 0;
    public const int SqOffTail = 4;
    public const int SqOffRingMask = 8;
    public const int SqOffRingEntries = 12;
    public const int SqOffArray = 24;
    public const int CqOffHead = 0;
    public const int CqOffTail = 4;
    public const int CqOffRingMask = 8;
    public const int CqOffRingEntries = 12;
    public const int CqOffCqes = 20;

    // SQE field offsets
    public const int SqeOpcode = 0;
    public const int SqeFlags = 1;
    public const int SqeIoprio = 2;
    public const int SqeFd = 4;
    public const int SqeOff = 8;
    public const int SqeAddr = 16;
    public const int SqeLen = 24;
    public const int SqeOpFlags = 28;
    public const int SqeUserData = 32;
    public const int SqeAddr2 = 8;
    public const int SqeBufGroup = 40;
    public const int SqeAddrLen = 44;

    // mmap
    public const int ProtRead = 1;
    public const int ProtWrite = 2;
    public const int MapShared = 0x01;
    public const int MapPrivate = 0x02;
    public const int MapAnonymous = 0x20;
    public const int MapPopulate = 0x8000;

    public const int EfdCloexec = 0x80000;

    public const int MsgDontWait = 0x40;
    public const int MsgTrunc = 0x20;

    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EBusy = 16;
    public const int ENoBufs = 105;
    public const int ECanceled = 125;
    public const int ETime = 62;

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    public static int Setup(uint entries, byte* parameters) => (int)Syscall(SysSetup, entries, (long)parameters, 0, 0, 0, 0);

    public static int Enter(int ring, uint toSubmit, uint minComplete, uint flags) =>
        (int)Syscall(SysEnter, ring, toSubmit, minComplete, flags, 0, 0);

    public static int EnterWithArgument(int ring, uint toSubmit, uint minComplete, uint flags, void* argument, int argumentSize) =>
        (int)Syscall(SysEnter, ring, toSubmit, minComplete, flags, (long)argument, argumentSize);

    public static int Register(int ring, uint opcode, void* argument, uint count) =>
        (int)Syscall(SysRegister, ring, opcode, (long)argument, count, 0, 0);
}
