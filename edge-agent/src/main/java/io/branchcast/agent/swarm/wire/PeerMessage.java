package io.branchcast.agent.swarm.wire;

/**
 * PeerMessage is any message exchanged after the handshake: one immutable record per BEP 3 / BEP 6 / BEP 10 message,
 * each validated in its constructor. Encoding and decoding live in {@link WireCodec}, not here.
 */
public sealed interface PeerMessage
        permits KeepAlive, Choke, Unchoke, Interested, NotInterested, Have, Bitfield, Request, Piece, Cancel,
        SuggestPiece, HaveAll, HaveNone, RejectRequest, AllowedFast, Extended {
}
