import * as $protobuf from "protobufjs";
/** Namespace ringkv. */
export namespace ringkv {

    /** Namespace admin. */
    namespace admin {

        /** Properties of a SnapshotRequest. */
        interface ISnapshotRequest {
        }

        /** Represents a SnapshotRequest. */
        class SnapshotRequest implements ISnapshotRequest {

            /**
             * Constructs a new SnapshotRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.admin.ISnapshotRequest);

            /**
             * Creates a new SnapshotRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotRequest instance
             */
            public static create(properties?: ringkv.admin.ISnapshotRequest): ringkv.admin.SnapshotRequest;

            /**
             * Encodes the specified SnapshotRequest message. Does not implicitly {@link ringkv.admin.SnapshotRequest.verify|verify} messages.
             * @param message SnapshotRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.admin.ISnapshotRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.admin.SnapshotRequest;

            /**
             * Verifies a SnapshotRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.admin.SnapshotRequest;

            /**
             * Creates a plain object from a SnapshotRequest message. Also converts values to other types if specified.
             * @param message SnapshotRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.admin.SnapshotRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotShardRequest. */
        interface ISnapshotShardRequest {

            /** SnapshotShardRequest shard */
            shard?: (number|null);
        }

        /** Represents a SnapshotShardRequest. */
        class SnapshotShardRequest implements ISnapshotShardRequest {

            /**
             * Constructs a new SnapshotShardRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.admin.ISnapshotShardRequest);

            /** SnapshotShardRequest shard. */
            public shard: number;

            /**
             * Creates a new SnapshotShardRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotShardRequest instance
             */
            public static create(properties?: ringkv.admin.ISnapshotShardRequest): ringkv.admin.SnapshotShardRequest;

            /**
             * Encodes the specified SnapshotShardRequest message. Does not implicitly {@link ringkv.admin.SnapshotShardRequest.verify|verify} messages.
             * @param message SnapshotShardRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.admin.ISnapshotShardRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotShardRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotShardRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.admin.SnapshotShardRequest;

            /**
             * Verifies a SnapshotShardRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotShardRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotShardRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.admin.SnapshotShardRequest;

            /**
             * Creates a plain object from a SnapshotShardRequest message. Also converts values to other types if specified.
             * @param message SnapshotShardRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.admin.SnapshotShardRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotShardRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotHeader. */
        interface ISnapshotHeader {

            /** SnapshotHeader shardCount */
            shardCount?: (number|null);

            /** SnapshotHeader replicationFactor */
            replicationFactor?: (number|null);

            /** SnapshotHeader epoch */
            epoch?: (number|null);

            /** SnapshotHeader placementJson */
            placementJson?: (string|null);

            /** SnapshotHeader sourceNode */
            sourceNode?: (string|null);
        }

        /** Represents a SnapshotHeader. */
        class SnapshotHeader implements ISnapshotHeader {

            /**
             * Constructs a new SnapshotHeader.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.admin.ISnapshotHeader);

            /** SnapshotHeader shardCount. */
            public shardCount: number;

            /** SnapshotHeader replicationFactor. */
            public replicationFactor: number;

            /** SnapshotHeader epoch. */
            public epoch: number;

            /** SnapshotHeader placementJson. */
            public placementJson: string;

            /** SnapshotHeader sourceNode. */
            public sourceNode: string;

            /**
             * Creates a new SnapshotHeader instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotHeader instance
             */
            public static create(properties?: ringkv.admin.ISnapshotHeader): ringkv.admin.SnapshotHeader;

            /**
             * Encodes the specified SnapshotHeader message. Does not implicitly {@link ringkv.admin.SnapshotHeader.verify|verify} messages.
             * @param message SnapshotHeader message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.admin.ISnapshotHeader, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotHeader message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.admin.SnapshotHeader;

            /**
             * Verifies a SnapshotHeader message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotHeader message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotHeader
             */
            public static fromObject(object: { [k: string]: any }): ringkv.admin.SnapshotHeader;

            /**
             * Creates a plain object from a SnapshotHeader message. Also converts values to other types if specified.
             * @param message SnapshotHeader
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.admin.SnapshotHeader, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotHeader to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotChunk. */
        interface ISnapshotChunk {

            /** SnapshotChunk shard */
            shard?: (number|null);

            /** SnapshotChunk appliedIndex */
            appliedIndex?: (number|null);

            /** SnapshotChunk keyCount */
            keyCount?: (number|null);

            /** SnapshotChunk totalBytes */
            totalBytes?: (number|null);

            /** SnapshotChunk data */
            data?: (Uint8Array|null);
        }

        /** Represents a SnapshotChunk. */
        class SnapshotChunk implements ISnapshotChunk {

            /**
             * Constructs a new SnapshotChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.admin.ISnapshotChunk);

            /** SnapshotChunk shard. */
            public shard: number;

            /** SnapshotChunk appliedIndex. */
            public appliedIndex: number;

            /** SnapshotChunk keyCount. */
            public keyCount: number;

            /** SnapshotChunk totalBytes. */
            public totalBytes: number;

            /** SnapshotChunk data. */
            public data: Uint8Array;

            /**
             * Creates a new SnapshotChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotChunk instance
             */
            public static create(properties?: ringkv.admin.ISnapshotChunk): ringkv.admin.SnapshotChunk;

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link ringkv.admin.SnapshotChunk.verify|verify} messages.
             * @param message SnapshotChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.admin.ISnapshotChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.admin.SnapshotChunk;

            /**
             * Verifies a SnapshotChunk message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotChunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotChunk
             */
            public static fromObject(object: { [k: string]: any }): ringkv.admin.SnapshotChunk;

            /**
             * Creates a plain object from a SnapshotChunk message. Also converts values to other types if specified.
             * @param message SnapshotChunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.admin.SnapshotChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotChunk to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotPart. */
        interface ISnapshotPart {

            /** SnapshotPart header */
            header?: (ringkv.admin.ISnapshotHeader|null);

            /** SnapshotPart chunk */
            chunk?: (ringkv.admin.ISnapshotChunk|null);
        }

        /** Represents a SnapshotPart. */
        class SnapshotPart implements ISnapshotPart {

            /**
             * Constructs a new SnapshotPart.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.admin.ISnapshotPart);

            /** SnapshotPart header. */
            public header?: (ringkv.admin.ISnapshotHeader|null);

            /** SnapshotPart chunk. */
            public chunk?: (ringkv.admin.ISnapshotChunk|null);

            /** SnapshotPart part. */
            public part?: ("header"|"chunk");

            /**
             * Creates a new SnapshotPart instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotPart instance
             */
            public static create(properties?: ringkv.admin.ISnapshotPart): ringkv.admin.SnapshotPart;

            /**
             * Encodes the specified SnapshotPart message. Does not implicitly {@link ringkv.admin.SnapshotPart.verify|verify} messages.
             * @param message SnapshotPart message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.admin.ISnapshotPart, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotPart message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotPart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.admin.SnapshotPart;

            /**
             * Verifies a SnapshotPart message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotPart message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotPart
             */
            public static fromObject(object: { [k: string]: any }): ringkv.admin.SnapshotPart;

            /**
             * Creates a plain object from a SnapshotPart message. Also converts values to other types if specified.
             * @param message SnapshotPart
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.admin.SnapshotPart, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotPart to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace command. */
    namespace command {

        /** Properties of a Command. */
        interface ICommand {

            /** Command put */
            put?: (ringkv.command.IPut|null);

            /** Command delete */
            "delete"?: (ringkv.command.IDelete|null);

            /** Command setMember */
            setMember?: (ringkv.command.IMember|null);

            /** Command removeMember */
            removeMember?: (string|null);

            /** Command setConfig */
            setConfig?: (ringkv.command.IClusterConfig|null);

            /** Command deleteRange */
            deleteRange?: (ringkv.command.IDeleteRange|null);

            /** Command txn */
            txn?: (ringkv.command.ITxn|null);

            /** Command fence */
            fence?: (ringkv.command.IFence|null);

            /** Command revokeLeaseKeys */
            revokeLeaseKeys?: (ringkv.command.IRevokeLeaseKeys|null);

            /** Command reserveRevisions */
            reserveRevisions?: (ringkv.command.IReserveRevisions|null);

            /** Command grantLease */
            grantLease?: (ringkv.command.IGrantLease|null);

            /** Command revokeLease */
            revokeLease?: (ringkv.command.IRevokeLease|null);

            /** Command forgetLease */
            forgetLease?: (ringkv.command.IForgetLease|null);
        }

        /** Represents a Command. */
        class Command implements ICommand {

            /**
             * Constructs a new Command.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.ICommand);

            /** Command put. */
            public put?: (ringkv.command.IPut|null);

            /** Command delete. */
            public delete?: (ringkv.command.IDelete|null);

            /** Command setMember. */
            public setMember?: (ringkv.command.IMember|null);

            /** Command removeMember. */
            public removeMember?: (string|null);

            /** Command setConfig. */
            public setConfig?: (ringkv.command.IClusterConfig|null);

            /** Command deleteRange. */
            public deleteRange?: (ringkv.command.IDeleteRange|null);

            /** Command txn. */
            public txn?: (ringkv.command.ITxn|null);

            /** Command fence. */
            public fence?: (ringkv.command.IFence|null);

            /** Command revokeLeaseKeys. */
            public revokeLeaseKeys?: (ringkv.command.IRevokeLeaseKeys|null);

            /** Command reserveRevisions. */
            public reserveRevisions?: (ringkv.command.IReserveRevisions|null);

            /** Command grantLease. */
            public grantLease?: (ringkv.command.IGrantLease|null);

            /** Command revokeLease. */
            public revokeLease?: (ringkv.command.IRevokeLease|null);

            /** Command forgetLease. */
            public forgetLease?: (ringkv.command.IForgetLease|null);

            /** Command op. */
            public op?: ("put"|"delete"|"setMember"|"removeMember"|"setConfig"|"deleteRange"|"txn"|"fence"|"revokeLeaseKeys"|"reserveRevisions"|"grantLease"|"revokeLease"|"forgetLease");

            /**
             * Creates a new Command instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Command instance
             */
            public static create(properties?: ringkv.command.ICommand): ringkv.command.Command;

            /**
             * Encodes the specified Command message. Does not implicitly {@link ringkv.command.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.ICommand, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Command;

            /**
             * Verifies a Command message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Command
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Command;

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @param message Command
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Command, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Command to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Put. */
        interface IPut {

            /** Put key */
            key?: (Uint8Array|null);

            /** Put value */
            value?: (Uint8Array|null);

            /** Put ifVersion */
            ifVersion?: (number|null);

            /** Put revision */
            revision?: (number|null);

            /** Put lease */
            lease?: (number|null);

            /** Put prevKv */
            prevKv?: (boolean|null);

            /** Put ignoreValue */
            ignoreValue?: (boolean|null);

            /** Put ignoreLease */
            ignoreLease?: (boolean|null);
        }

        /** Represents a Put. */
        class Put implements IPut {

            /**
             * Constructs a new Put.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IPut);

            /** Put key. */
            public key: Uint8Array;

            /** Put value. */
            public value: Uint8Array;

            /** Put ifVersion. */
            public ifVersion?: (number|null);

            /** Put revision. */
            public revision?: (number|null);

            /** Put lease. */
            public lease: number;

            /** Put prevKv. */
            public prevKv: boolean;

            /** Put ignoreValue. */
            public ignoreValue: boolean;

            /** Put ignoreLease. */
            public ignoreLease: boolean;

            /**
             * Creates a new Put instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Put instance
             */
            public static create(properties?: ringkv.command.IPut): ringkv.command.Put;

            /**
             * Encodes the specified Put message. Does not implicitly {@link ringkv.command.Put.verify|verify} messages.
             * @param message Put message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IPut, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Put message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Put
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Put;

            /**
             * Verifies a Put message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Put message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Put
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Put;

            /**
             * Creates a plain object from a Put message. Also converts values to other types if specified.
             * @param message Put
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Put, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Put to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Delete. */
        interface IDelete {

            /** Delete key */
            key?: (Uint8Array|null);

            /** Delete ifVersion */
            ifVersion?: (number|null);

            /** Delete revision */
            revision?: (number|null);
        }

        /** Represents a Delete. */
        class Delete implements IDelete {

            /**
             * Constructs a new Delete.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IDelete);

            /** Delete key. */
            public key: Uint8Array;

            /** Delete ifVersion. */
            public ifVersion?: (number|null);

            /** Delete revision. */
            public revision?: (number|null);

            /**
             * Creates a new Delete instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Delete instance
             */
            public static create(properties?: ringkv.command.IDelete): ringkv.command.Delete;

            /**
             * Encodes the specified Delete message. Does not implicitly {@link ringkv.command.Delete.verify|verify} messages.
             * @param message Delete message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IDelete, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Delete message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Delete
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Delete;

            /**
             * Verifies a Delete message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Delete message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Delete
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Delete;

            /**
             * Creates a plain object from a Delete message. Also converts values to other types if specified.
             * @param message Delete
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Delete, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Delete to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteRange. */
        interface IDeleteRange {

            /** DeleteRange start */
            start?: (Uint8Array|null);

            /** DeleteRange end */
            end?: (Uint8Array|null);

            /** DeleteRange revision */
            revision?: (number|null);

            /** DeleteRange prevKv */
            prevKv?: (boolean|null);
        }

        /** Represents a DeleteRange. */
        class DeleteRange implements IDeleteRange {

            /**
             * Constructs a new DeleteRange.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IDeleteRange);

            /** DeleteRange start. */
            public start: Uint8Array;

            /** DeleteRange end. */
            public end?: (Uint8Array|null);

            /** DeleteRange revision. */
            public revision: number;

            /** DeleteRange prevKv. */
            public prevKv: boolean;

            /**
             * Creates a new DeleteRange instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteRange instance
             */
            public static create(properties?: ringkv.command.IDeleteRange): ringkv.command.DeleteRange;

            /**
             * Encodes the specified DeleteRange message. Does not implicitly {@link ringkv.command.DeleteRange.verify|verify} messages.
             * @param message DeleteRange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IDeleteRange, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteRange message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteRange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.DeleteRange;

            /**
             * Verifies a DeleteRange message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteRange message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteRange
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.DeleteRange;

            /**
             * Creates a plain object from a DeleteRange message. Also converts values to other types if specified.
             * @param message DeleteRange
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.DeleteRange, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteRange to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** SortOrder enum. */
        enum SortOrder {
            SORT_ORDER_NONE = 0,
            SORT_ORDER_ASCEND = 1,
            SORT_ORDER_DESCEND = 2
        }

        /** SortTarget enum. */
        enum SortTarget {
            SORT_TARGET_KEY = 0,
            SORT_TARGET_VERSION = 1,
            SORT_TARGET_CREATE = 2,
            SORT_TARGET_MOD = 3,
            SORT_TARGET_VALUE = 4
        }

        /** Properties of a RangeQuery. */
        interface IRangeQuery {

            /** RangeQuery start */
            start?: (Uint8Array|null);

            /** RangeQuery end */
            end?: (Uint8Array|null);

            /** RangeQuery limit */
            limit?: (number|null);

            /** RangeQuery keysOnly */
            keysOnly?: (boolean|null);

            /** RangeQuery countOnly */
            countOnly?: (boolean|null);

            /** RangeQuery sortOrder */
            sortOrder?: (ringkv.command.SortOrder|null);

            /** RangeQuery sortTarget */
            sortTarget?: (ringkv.command.SortTarget|null);

            /** RangeQuery minModRevision */
            minModRevision?: (number|null);

            /** RangeQuery maxModRevision */
            maxModRevision?: (number|null);

            /** RangeQuery minCreateRevision */
            minCreateRevision?: (number|null);

            /** RangeQuery maxCreateRevision */
            maxCreateRevision?: (number|null);
        }

        /** Represents a RangeQuery. */
        class RangeQuery implements IRangeQuery {

            /**
             * Constructs a new RangeQuery.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IRangeQuery);

            /** RangeQuery start. */
            public start: Uint8Array;

            /** RangeQuery end. */
            public end?: (Uint8Array|null);

            /** RangeQuery limit. */
            public limit: number;

            /** RangeQuery keysOnly. */
            public keysOnly: boolean;

            /** RangeQuery countOnly. */
            public countOnly: boolean;

            /** RangeQuery sortOrder. */
            public sortOrder: ringkv.command.SortOrder;

            /** RangeQuery sortTarget. */
            public sortTarget: ringkv.command.SortTarget;

            /** RangeQuery minModRevision. */
            public minModRevision: number;

            /** RangeQuery maxModRevision. */
            public maxModRevision: number;

            /** RangeQuery minCreateRevision. */
            public minCreateRevision: number;

            /** RangeQuery maxCreateRevision. */
            public maxCreateRevision: number;

            /**
             * Creates a new RangeQuery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RangeQuery instance
             */
            public static create(properties?: ringkv.command.IRangeQuery): ringkv.command.RangeQuery;

            /**
             * Encodes the specified RangeQuery message. Does not implicitly {@link ringkv.command.RangeQuery.verify|verify} messages.
             * @param message RangeQuery message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IRangeQuery, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RangeQuery message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RangeQuery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.RangeQuery;

            /**
             * Verifies a RangeQuery message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RangeQuery message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RangeQuery
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.RangeQuery;

            /**
             * Creates a plain object from a RangeQuery message. Also converts values to other types if specified.
             * @param message RangeQuery
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.RangeQuery, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RangeQuery to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** CompareTarget enum. */
        enum CompareTarget {
            COMPARE_TARGET_VERSION = 0,
            COMPARE_TARGET_CREATE = 1,
            COMPARE_TARGET_MOD = 2,
            COMPARE_TARGET_VALUE = 3,
            COMPARE_TARGET_LEASE = 4
        }

        /** CompareResult enum. */
        enum CompareResult {
            COMPARE_RESULT_EQUAL = 0,
            COMPARE_RESULT_GREATER = 1,
            COMPARE_RESULT_LESS = 2,
            COMPARE_RESULT_NOT_EQUAL = 3
        }

        /** Properties of a Compare. */
        interface ICompare {

            /** Compare key */
            key?: (Uint8Array|null);

            /** Compare rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** Compare target */
            target?: (ringkv.command.CompareTarget|null);

            /** Compare result */
            result?: (ringkv.command.CompareResult|null);

            /** Compare number */
            number?: (number|null);

            /** Compare value */
            value?: (Uint8Array|null);
        }

        /** Represents a Compare. */
        class Compare implements ICompare {

            /**
             * Constructs a new Compare.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.ICompare);

            /** Compare key. */
            public key: Uint8Array;

            /** Compare rangeEnd. */
            public rangeEnd?: (Uint8Array|null);

            /** Compare target. */
            public target: ringkv.command.CompareTarget;

            /** Compare result. */
            public result: ringkv.command.CompareResult;

            /** Compare number. */
            public number?: (number|null);

            /** Compare value. */
            public value?: (Uint8Array|null);

            /** Compare operand. */
            public operand?: ("number"|"value");

            /**
             * Creates a new Compare instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Compare instance
             */
            public static create(properties?: ringkv.command.ICompare): ringkv.command.Compare;

            /**
             * Encodes the specified Compare message. Does not implicitly {@link ringkv.command.Compare.verify|verify} messages.
             * @param message Compare message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.ICompare, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Compare message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Compare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Compare;

            /**
             * Verifies a Compare message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Compare message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Compare
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Compare;

            /**
             * Creates a plain object from a Compare message. Also converts values to other types if specified.
             * @param message Compare
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Compare, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Compare to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a TxnOp. */
        interface ITxnOp {

            /** TxnOp range */
            range?: (ringkv.command.IRangeQuery|null);

            /** TxnOp put */
            put?: (ringkv.command.IPut|null);

            /** TxnOp deleteRange */
            deleteRange?: (ringkv.command.IDeleteRange|null);
        }

        /** Represents a TxnOp. */
        class TxnOp implements ITxnOp {

            /**
             * Constructs a new TxnOp.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.ITxnOp);

            /** TxnOp range. */
            public range?: (ringkv.command.IRangeQuery|null);

            /** TxnOp put. */
            public put?: (ringkv.command.IPut|null);

            /** TxnOp deleteRange. */
            public deleteRange?: (ringkv.command.IDeleteRange|null);

            /** TxnOp op. */
            public op?: ("range"|"put"|"deleteRange");

            /**
             * Creates a new TxnOp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TxnOp instance
             */
            public static create(properties?: ringkv.command.ITxnOp): ringkv.command.TxnOp;

            /**
             * Encodes the specified TxnOp message. Does not implicitly {@link ringkv.command.TxnOp.verify|verify} messages.
             * @param message TxnOp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.ITxnOp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TxnOp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TxnOp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.TxnOp;

            /**
             * Verifies a TxnOp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TxnOp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TxnOp
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.TxnOp;

            /**
             * Creates a plain object from a TxnOp message. Also converts values to other types if specified.
             * @param message TxnOp
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.TxnOp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TxnOp to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Txn. */
        interface ITxn {

            /** Txn compares */
            compares?: (ringkv.command.ICompare[]|null);

            /** Txn success */
            success?: (ringkv.command.ITxnOp[]|null);

            /** Txn failure */
            failure?: (ringkv.command.ITxnOp[]|null);

            /** Txn revision */
            revision?: (number|null);
        }

        /** Represents a Txn. */
        class Txn implements ITxn {

            /**
             * Constructs a new Txn.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.ITxn);

            /** Txn compares. */
            public compares: ringkv.command.ICompare[];

            /** Txn success. */
            public success: ringkv.command.ITxnOp[];

            /** Txn failure. */
            public failure: ringkv.command.ITxnOp[];

            /** Txn revision. */
            public revision: number;

            /**
             * Creates a new Txn instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Txn instance
             */
            public static create(properties?: ringkv.command.ITxn): ringkv.command.Txn;

            /**
             * Encodes the specified Txn message. Does not implicitly {@link ringkv.command.Txn.verify|verify} messages.
             * @param message Txn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.ITxn, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Txn message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Txn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Txn;

            /**
             * Verifies a Txn message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Txn message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Txn
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Txn;

            /**
             * Creates a plain object from a Txn message. Also converts values to other types if specified.
             * @param message Txn
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Txn, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Txn to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Fence. */
        interface IFence {

            /** Fence revision */
            revision?: (number|null);

            /** Fence query */
            query?: (ringkv.command.IRangeQuery|null);
        }

        /** Represents a Fence. */
        class Fence implements IFence {

            /**
             * Constructs a new Fence.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IFence);

            /** Fence revision. */
            public revision: number;

            /** Fence query. */
            public query?: (ringkv.command.IRangeQuery|null);

            /**
             * Creates a new Fence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Fence instance
             */
            public static create(properties?: ringkv.command.IFence): ringkv.command.Fence;

            /**
             * Encodes the specified Fence message. Does not implicitly {@link ringkv.command.Fence.verify|verify} messages.
             * @param message Fence message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IFence, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Fence message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Fence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Fence;

            /**
             * Verifies a Fence message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Fence message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Fence
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Fence;

            /**
             * Creates a plain object from a Fence message. Also converts values to other types if specified.
             * @param message Fence
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Fence, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Fence to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RevokeLeaseKeys. */
        interface IRevokeLeaseKeys {

            /** RevokeLeaseKeys lease */
            lease?: (number|null);

            /** RevokeLeaseKeys revision */
            revision?: (number|null);
        }

        /** Represents a RevokeLeaseKeys. */
        class RevokeLeaseKeys implements IRevokeLeaseKeys {

            /**
             * Constructs a new RevokeLeaseKeys.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IRevokeLeaseKeys);

            /** RevokeLeaseKeys lease. */
            public lease: number;

            /** RevokeLeaseKeys revision. */
            public revision: number;

            /**
             * Creates a new RevokeLeaseKeys instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevokeLeaseKeys instance
             */
            public static create(properties?: ringkv.command.IRevokeLeaseKeys): ringkv.command.RevokeLeaseKeys;

            /**
             * Encodes the specified RevokeLeaseKeys message. Does not implicitly {@link ringkv.command.RevokeLeaseKeys.verify|verify} messages.
             * @param message RevokeLeaseKeys message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IRevokeLeaseKeys, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevokeLeaseKeys message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RevokeLeaseKeys
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.RevokeLeaseKeys;

            /**
             * Verifies a RevokeLeaseKeys message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RevokeLeaseKeys message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RevokeLeaseKeys
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.RevokeLeaseKeys;

            /**
             * Creates a plain object from a RevokeLeaseKeys message. Also converts values to other types if specified.
             * @param message RevokeLeaseKeys
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.RevokeLeaseKeys, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RevokeLeaseKeys to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ReserveRevisions. */
        interface IReserveRevisions {

            /** ReserveRevisions upTo */
            upTo?: (number|null);
        }

        /** Represents a ReserveRevisions. */
        class ReserveRevisions implements IReserveRevisions {

            /**
             * Constructs a new ReserveRevisions.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IReserveRevisions);

            /** ReserveRevisions upTo. */
            public upTo: number;

            /**
             * Creates a new ReserveRevisions instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReserveRevisions instance
             */
            public static create(properties?: ringkv.command.IReserveRevisions): ringkv.command.ReserveRevisions;

            /**
             * Encodes the specified ReserveRevisions message. Does not implicitly {@link ringkv.command.ReserveRevisions.verify|verify} messages.
             * @param message ReserveRevisions message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IReserveRevisions, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReserveRevisions message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ReserveRevisions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.ReserveRevisions;

            /**
             * Verifies a ReserveRevisions message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ReserveRevisions message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReserveRevisions
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.ReserveRevisions;

            /**
             * Creates a plain object from a ReserveRevisions message. Also converts values to other types if specified.
             * @param message ReserveRevisions
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.ReserveRevisions, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReserveRevisions to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GrantLease. */
        interface IGrantLease {

            /** GrantLease id */
            id?: (number|null);

            /** GrantLease ttlSeconds */
            ttlSeconds?: (number|null);
        }

        /** Represents a GrantLease. */
        class GrantLease implements IGrantLease {

            /**
             * Constructs a new GrantLease.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IGrantLease);

            /** GrantLease id. */
            public id: number;

            /** GrantLease ttlSeconds. */
            public ttlSeconds: number;

            /**
             * Creates a new GrantLease instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GrantLease instance
             */
            public static create(properties?: ringkv.command.IGrantLease): ringkv.command.GrantLease;

            /**
             * Encodes the specified GrantLease message. Does not implicitly {@link ringkv.command.GrantLease.verify|verify} messages.
             * @param message GrantLease message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IGrantLease, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GrantLease message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GrantLease
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.GrantLease;

            /**
             * Verifies a GrantLease message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GrantLease message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GrantLease
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.GrantLease;

            /**
             * Creates a plain object from a GrantLease message. Also converts values to other types if specified.
             * @param message GrantLease
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.GrantLease, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GrantLease to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RevokeLease. */
        interface IRevokeLease {

            /** RevokeLease id */
            id?: (number|null);
        }

        /** Represents a RevokeLease. */
        class RevokeLease implements IRevokeLease {

            /**
             * Constructs a new RevokeLease.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IRevokeLease);

            /** RevokeLease id. */
            public id: number;

            /**
             * Creates a new RevokeLease instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevokeLease instance
             */
            public static create(properties?: ringkv.command.IRevokeLease): ringkv.command.RevokeLease;

            /**
             * Encodes the specified RevokeLease message. Does not implicitly {@link ringkv.command.RevokeLease.verify|verify} messages.
             * @param message RevokeLease message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IRevokeLease, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevokeLease message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RevokeLease
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.RevokeLease;

            /**
             * Verifies a RevokeLease message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RevokeLease message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RevokeLease
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.RevokeLease;

            /**
             * Creates a plain object from a RevokeLease message. Also converts values to other types if specified.
             * @param message RevokeLease
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.RevokeLease, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RevokeLease to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ForgetLease. */
        interface IForgetLease {

            /** ForgetLease id */
            id?: (number|null);
        }

        /** Represents a ForgetLease. */
        class ForgetLease implements IForgetLease {

            /**
             * Constructs a new ForgetLease.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IForgetLease);

            /** ForgetLease id. */
            public id: number;

            /**
             * Creates a new ForgetLease instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForgetLease instance
             */
            public static create(properties?: ringkv.command.IForgetLease): ringkv.command.ForgetLease;

            /**
             * Encodes the specified ForgetLease message. Does not implicitly {@link ringkv.command.ForgetLease.verify|verify} messages.
             * @param message ForgetLease message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IForgetLease, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForgetLease message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForgetLease
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.ForgetLease;

            /**
             * Verifies a ForgetLease message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForgetLease message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForgetLease
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.ForgetLease;

            /**
             * Creates a plain object from a ForgetLease message. Also converts values to other types if specified.
             * @param message ForgetLease
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.ForgetLease, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForgetLease to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Member. */
        interface IMember {

            /** Member id */
            id?: (string|null);

            /** Member addr */
            addr?: (string|null);

            /** Member http */
            http?: (string|null);

            /** Member leaving */
            leaving?: (boolean|null);
        }

        /** Represents a Member. */
        class Member implements IMember {

            /**
             * Constructs a new Member.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IMember);

            /** Member id. */
            public id: string;

            /** Member addr. */
            public addr: string;

            /** Member http. */
            public http: string;

            /** Member leaving. */
            public leaving: boolean;

            /**
             * Creates a new Member instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Member instance
             */
            public static create(properties?: ringkv.command.IMember): ringkv.command.Member;

            /**
             * Encodes the specified Member message. Does not implicitly {@link ringkv.command.Member.verify|verify} messages.
             * @param message Member message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IMember, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Member message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Member
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Member;

            /**
             * Verifies a Member message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Member message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Member
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Member;

            /**
             * Creates a plain object from a Member message. Also converts values to other types if specified.
             * @param message Member
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Member, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Member to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ClusterConfig. */
        interface IClusterConfig {

            /** ClusterConfig shardCount */
            shardCount?: (number|null);

            /** ClusterConfig replicationFactor */
            replicationFactor?: (number|null);
        }

        /** Represents a ClusterConfig. */
        class ClusterConfig implements IClusterConfig {

            /**
             * Constructs a new ClusterConfig.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IClusterConfig);

            /** ClusterConfig shardCount. */
            public shardCount: number;

            /** ClusterConfig replicationFactor. */
            public replicationFactor: number;

            /**
             * Creates a new ClusterConfig instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClusterConfig instance
             */
            public static create(properties?: ringkv.command.IClusterConfig): ringkv.command.ClusterConfig;

            /**
             * Encodes the specified ClusterConfig message. Does not implicitly {@link ringkv.command.ClusterConfig.verify|verify} messages.
             * @param message ClusterConfig message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IClusterConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterConfig message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ClusterConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.ClusterConfig;

            /**
             * Verifies a ClusterConfig message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ClusterConfig message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ClusterConfig
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.ClusterConfig;

            /**
             * Creates a plain object from a ClusterConfig message. Also converts values to other types if specified.
             * @param message ClusterConfig
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.ClusterConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClusterConfig to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a KeyValue. */
        interface IKeyValue {

            /** KeyValue key */
            key?: (Uint8Array|null);

            /** KeyValue value */
            value?: (Uint8Array|null);

            /** KeyValue version */
            version?: (number|null);

            /** KeyValue createRevision */
            createRevision?: (number|null);

            /** KeyValue writes */
            writes?: (number|null);

            /** KeyValue lease */
            lease?: (number|null);
        }

        /** Represents a KeyValue. */
        class KeyValue implements IKeyValue {

            /**
             * Constructs a new KeyValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IKeyValue);

            /** KeyValue key. */
            public key: Uint8Array;

            /** KeyValue value. */
            public value: Uint8Array;

            /** KeyValue version. */
            public version: number;

            /** KeyValue createRevision. */
            public createRevision: number;

            /** KeyValue writes. */
            public writes: number;

            /** KeyValue lease. */
            public lease: number;

            /**
             * Creates a new KeyValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KeyValue instance
             */
            public static create(properties?: ringkv.command.IKeyValue): ringkv.command.KeyValue;

            /**
             * Encodes the specified KeyValue message. Does not implicitly {@link ringkv.command.KeyValue.verify|verify} messages.
             * @param message KeyValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IKeyValue, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KeyValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns KeyValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.KeyValue;

            /**
             * Verifies a KeyValue message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KeyValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KeyValue
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.KeyValue;

            /**
             * Creates a plain object from a KeyValue message. Also converts values to other types if specified.
             * @param message KeyValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.KeyValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KeyValue to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Lease. */
        interface ILease {

            /** Lease id */
            id?: (number|null);

            /** Lease ttlSeconds */
            ttlSeconds?: (number|null);

            /** Lease revoking */
            revoking?: (boolean|null);
        }

        /** Represents a Lease. */
        class Lease implements ILease {

            /**
             * Constructs a new Lease.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.ILease);

            /** Lease id. */
            public id: number;

            /** Lease ttlSeconds. */
            public ttlSeconds: number;

            /** Lease revoking. */
            public revoking: boolean;

            /**
             * Creates a new Lease instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Lease instance
             */
            public static create(properties?: ringkv.command.ILease): ringkv.command.Lease;

            /**
             * Encodes the specified Lease message. Does not implicitly {@link ringkv.command.Lease.verify|verify} messages.
             * @param message Lease message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.ILease, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Lease message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Lease
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.Lease;

            /**
             * Verifies a Lease message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Lease message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Lease
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.Lease;

            /**
             * Creates a plain object from a Lease message. Also converts values to other types if specified.
             * @param message Lease
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.Lease, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Lease to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a StateSnapshot. */
        interface IStateSnapshot {

            /** StateSnapshot entries */
            entries?: (ringkv.command.IKeyValue[]|null);

            /** StateSnapshot members */
            members?: (ringkv.command.IMember[]|null);

            /** StateSnapshot config */
            config?: (ringkv.command.IClusterConfig|null);

            /** StateSnapshot floor */
            floor?: (number|null);

            /** StateSnapshot revokedLeases */
            revokedLeases?: (number[]|null);

            /** StateSnapshot revisionsReserved */
            revisionsReserved?: (number|null);

            /** StateSnapshot leases */
            leases?: (ringkv.command.ILease[]|null);
        }

        /** Represents a StateSnapshot. */
        class StateSnapshot implements IStateSnapshot {

            /**
             * Constructs a new StateSnapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.command.IStateSnapshot);

            /** StateSnapshot entries. */
            public entries: ringkv.command.IKeyValue[];

            /** StateSnapshot members. */
            public members: ringkv.command.IMember[];

            /** StateSnapshot config. */
            public config?: (ringkv.command.IClusterConfig|null);

            /** StateSnapshot floor. */
            public floor: number;

            /** StateSnapshot revokedLeases. */
            public revokedLeases: number[];

            /** StateSnapshot revisionsReserved. */
            public revisionsReserved: number;

            /** StateSnapshot leases. */
            public leases: ringkv.command.ILease[];

            /**
             * Creates a new StateSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StateSnapshot instance
             */
            public static create(properties?: ringkv.command.IStateSnapshot): ringkv.command.StateSnapshot;

            /**
             * Encodes the specified StateSnapshot message. Does not implicitly {@link ringkv.command.StateSnapshot.verify|verify} messages.
             * @param message StateSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.command.IStateSnapshot, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StateSnapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StateSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.command.StateSnapshot;

            /**
             * Verifies a StateSnapshot message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StateSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StateSnapshot
             */
            public static fromObject(object: { [k: string]: any }): ringkv.command.StateSnapshot;

            /**
             * Creates a plain object from a StateSnapshot message. Also converts values to other types if specified.
             * @param message StateSnapshot
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.command.StateSnapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StateSnapshot to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace forward. */
    namespace forward {

        /** Properties of a ForwardBatch. */
        interface IForwardBatch {

            /** ForwardBatch requests */
            requests?: (ringkv.forward.IForwardRequest[]|null);
        }

        /** Represents a ForwardBatch. */
        class ForwardBatch implements IForwardBatch {

            /**
             * Constructs a new ForwardBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IForwardBatch);

            /** ForwardBatch requests. */
            public requests: ringkv.forward.IForwardRequest[];

            /**
             * Creates a new ForwardBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForwardBatch instance
             */
            public static create(properties?: ringkv.forward.IForwardBatch): ringkv.forward.ForwardBatch;

            /**
             * Encodes the specified ForwardBatch message. Does not implicitly {@link ringkv.forward.ForwardBatch.verify|verify} messages.
             * @param message ForwardBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IForwardBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForwardBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForwardBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.ForwardBatch;

            /**
             * Verifies a ForwardBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForwardBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForwardBatch
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.ForwardBatch;

            /**
             * Creates a plain object from a ForwardBatch message. Also converts values to other types if specified.
             * @param message ForwardBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.ForwardBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForwardBatch to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ForwardRequest. */
        interface IForwardRequest {

            /** ForwardRequest id */
            id?: (number|null);

            /** ForwardRequest revision */
            revision?: (number|null);

            /** ForwardRequest put */
            put?: (ringkv.kv.IPutRequest|null);

            /** ForwardRequest get */
            get?: (ringkv.kv.IGetRequest|null);

            /** ForwardRequest delete */
            "delete"?: (ringkv.kv.IDeleteRequest|null);

            /** ForwardRequest lease */
            lease?: (ringkv.forward.ILeaseForward|null);

            /** ForwardRequest revisions */
            revisions?: (ringkv.forward.IRevisionsRequest|null);

            /** ForwardRequest rangePart */
            rangePart?: (ringkv.forward.IRangePart|null);

            /** ForwardRequest deleteRangePart */
            deleteRangePart?: (ringkv.forward.IDeleteRangePart|null);

            /** ForwardRequest txn */
            txn?: (ringkv.kv.ITxnRequest|null);
        }

        /** Represents a ForwardRequest. */
        class ForwardRequest implements IForwardRequest {

            /**
             * Constructs a new ForwardRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IForwardRequest);

            /** ForwardRequest id. */
            public id: number;

            /** ForwardRequest revision. */
            public revision?: (number|null);

            /** ForwardRequest put. */
            public put?: (ringkv.kv.IPutRequest|null);

            /** ForwardRequest get. */
            public get?: (ringkv.kv.IGetRequest|null);

            /** ForwardRequest delete. */
            public delete?: (ringkv.kv.IDeleteRequest|null);

            /** ForwardRequest lease. */
            public lease?: (ringkv.forward.ILeaseForward|null);

            /** ForwardRequest revisions. */
            public revisions?: (ringkv.forward.IRevisionsRequest|null);

            /** ForwardRequest rangePart. */
            public rangePart?: (ringkv.forward.IRangePart|null);

            /** ForwardRequest deleteRangePart. */
            public deleteRangePart?: (ringkv.forward.IDeleteRangePart|null);

            /** ForwardRequest txn. */
            public txn?: (ringkv.kv.ITxnRequest|null);

            /** ForwardRequest op. */
            public op?: ("put"|"get"|"delete"|"lease"|"revisions"|"rangePart"|"deleteRangePart"|"txn");

            /**
             * Creates a new ForwardRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForwardRequest instance
             */
            public static create(properties?: ringkv.forward.IForwardRequest): ringkv.forward.ForwardRequest;

            /**
             * Encodes the specified ForwardRequest message. Does not implicitly {@link ringkv.forward.ForwardRequest.verify|verify} messages.
             * @param message ForwardRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IForwardRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForwardRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForwardRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.ForwardRequest;

            /**
             * Verifies a ForwardRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForwardRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForwardRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.ForwardRequest;

            /**
             * Creates a plain object from a ForwardRequest message. Also converts values to other types if specified.
             * @param message ForwardRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.ForwardRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForwardRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RevisionsRequest. */
        interface IRevisionsRequest {

            /** RevisionsRequest count */
            count?: (number|null);

            /** RevisionsRequest atLeast */
            atLeast?: (number|null);
        }

        /** Represents a RevisionsRequest. */
        class RevisionsRequest implements IRevisionsRequest {

            /**
             * Constructs a new RevisionsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IRevisionsRequest);

            /** RevisionsRequest count. */
            public count: number;

            /** RevisionsRequest atLeast. */
            public atLeast: number;

            /**
             * Creates a new RevisionsRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevisionsRequest instance
             */
            public static create(properties?: ringkv.forward.IRevisionsRequest): ringkv.forward.RevisionsRequest;

            /**
             * Encodes the specified RevisionsRequest message. Does not implicitly {@link ringkv.forward.RevisionsRequest.verify|verify} messages.
             * @param message RevisionsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IRevisionsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevisionsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RevisionsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.RevisionsRequest;

            /**
             * Verifies a RevisionsRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RevisionsRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RevisionsRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.RevisionsRequest;

            /**
             * Creates a plain object from a RevisionsRequest message. Also converts values to other types if specified.
             * @param message RevisionsRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.RevisionsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RevisionsRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RevisionsResponse. */
        interface IRevisionsResponse {

            /** RevisionsResponse first */
            first?: (number|null);
        }

        /** Represents a RevisionsResponse. */
        class RevisionsResponse implements IRevisionsResponse {

            /**
             * Constructs a new RevisionsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IRevisionsResponse);

            /** RevisionsResponse first. */
            public first: number;

            /**
             * Creates a new RevisionsResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevisionsResponse instance
             */
            public static create(properties?: ringkv.forward.IRevisionsResponse): ringkv.forward.RevisionsResponse;

            /**
             * Encodes the specified RevisionsResponse message. Does not implicitly {@link ringkv.forward.RevisionsResponse.verify|verify} messages.
             * @param message RevisionsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IRevisionsResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevisionsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RevisionsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.RevisionsResponse;

            /**
             * Verifies a RevisionsResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RevisionsResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RevisionsResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.RevisionsResponse;

            /**
             * Creates a plain object from a RevisionsResponse message. Also converts values to other types if specified.
             * @param message RevisionsResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.RevisionsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RevisionsResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RangePart. */
        interface IRangePart {

            /** RangePart shard */
            shard?: (number|null);

            /** RangePart query */
            query?: (ringkv.kv.IRangeRequest|null);

            /** RangePart fenceRevision */
            fenceRevision?: (number|null);
        }

        /** Represents a RangePart. */
        class RangePart implements IRangePart {

            /**
             * Constructs a new RangePart.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IRangePart);

            /** RangePart shard. */
            public shard: number;

            /** RangePart query. */
            public query?: (ringkv.kv.IRangeRequest|null);

            /** RangePart fenceRevision. */
            public fenceRevision?: (number|null);

            /**
             * Creates a new RangePart instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RangePart instance
             */
            public static create(properties?: ringkv.forward.IRangePart): ringkv.forward.RangePart;

            /**
             * Encodes the specified RangePart message. Does not implicitly {@link ringkv.forward.RangePart.verify|verify} messages.
             * @param message RangePart message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IRangePart, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RangePart message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RangePart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.RangePart;

            /**
             * Verifies a RangePart message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RangePart message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RangePart
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.RangePart;

            /**
             * Creates a plain object from a RangePart message. Also converts values to other types if specified.
             * @param message RangePart
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.RangePart, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RangePart to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteRangePart. */
        interface IDeleteRangePart {

            /** DeleteRangePart shard */
            shard?: (number|null);

            /** DeleteRangePart span */
            span?: (ringkv.kv.IDeleteRangeRequest|null);

            /** DeleteRangePart revision */
            revision?: (number|null);
        }

        /** Represents a DeleteRangePart. */
        class DeleteRangePart implements IDeleteRangePart {

            /**
             * Constructs a new DeleteRangePart.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IDeleteRangePart);

            /** DeleteRangePart shard. */
            public shard: number;

            /** DeleteRangePart span. */
            public span?: (ringkv.kv.IDeleteRangeRequest|null);

            /** DeleteRangePart revision. */
            public revision: number;

            /**
             * Creates a new DeleteRangePart instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteRangePart instance
             */
            public static create(properties?: ringkv.forward.IDeleteRangePart): ringkv.forward.DeleteRangePart;

            /**
             * Encodes the specified DeleteRangePart message. Does not implicitly {@link ringkv.forward.DeleteRangePart.verify|verify} messages.
             * @param message DeleteRangePart message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IDeleteRangePart, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteRangePart message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteRangePart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.DeleteRangePart;

            /**
             * Verifies a DeleteRangePart message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteRangePart message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteRangePart
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.DeleteRangePart;

            /**
             * Creates a plain object from a DeleteRangePart message. Also converts values to other types if specified.
             * @param message DeleteRangePart
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.DeleteRangePart, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteRangePart to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ForwardReplies. */
        interface IForwardReplies {

            /** ForwardReplies replies */
            replies?: (ringkv.forward.IForwardReply[]|null);
        }

        /** Represents a ForwardReplies. */
        class ForwardReplies implements IForwardReplies {

            /**
             * Constructs a new ForwardReplies.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IForwardReplies);

            /** ForwardReplies replies. */
            public replies: ringkv.forward.IForwardReply[];

            /**
             * Creates a new ForwardReplies instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForwardReplies instance
             */
            public static create(properties?: ringkv.forward.IForwardReplies): ringkv.forward.ForwardReplies;

            /**
             * Encodes the specified ForwardReplies message. Does not implicitly {@link ringkv.forward.ForwardReplies.verify|verify} messages.
             * @param message ForwardReplies message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IForwardReplies, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForwardReplies message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForwardReplies
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.ForwardReplies;

            /**
             * Verifies a ForwardReplies message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForwardReplies message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForwardReplies
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.ForwardReplies;

            /**
             * Creates a plain object from a ForwardReplies message. Also converts values to other types if specified.
             * @param message ForwardReplies
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.ForwardReplies, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForwardReplies to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ForwardReply. */
        interface IForwardReply {

            /** ForwardReply id */
            id?: (number|null);

            /** ForwardReply put */
            put?: (ringkv.kv.IPutResponse|null);

            /** ForwardReply get */
            get?: (ringkv.kv.IGetResponse|null);

            /** ForwardReply delete */
            "delete"?: (ringkv.kv.IDeleteResponse|null);

            /** ForwardReply error */
            error?: (ringkv.forward.IForwardError|null);

            /** ForwardReply lease */
            lease?: (ringkv.forward.ILeaseForwardReply|null);

            /** ForwardReply revisions */
            revisions?: (ringkv.forward.IRevisionsResponse|null);

            /** ForwardReply rangePart */
            rangePart?: (ringkv.kv.IRangeResponse|null);

            /** ForwardReply deleteRangePart */
            deleteRangePart?: (ringkv.kv.IDeleteRangeResponse|null);

            /** ForwardReply txn */
            txn?: (ringkv.kv.ITxnResponse|null);
        }

        /** Represents a ForwardReply. */
        class ForwardReply implements IForwardReply {

            /**
             * Constructs a new ForwardReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IForwardReply);

            /** ForwardReply id. */
            public id: number;

            /** ForwardReply put. */
            public put?: (ringkv.kv.IPutResponse|null);

            /** ForwardReply get. */
            public get?: (ringkv.kv.IGetResponse|null);

            /** ForwardReply delete. */
            public delete?: (ringkv.kv.IDeleteResponse|null);

            /** ForwardReply error. */
            public error?: (ringkv.forward.IForwardError|null);

            /** ForwardReply lease. */
            public lease?: (ringkv.forward.ILeaseForwardReply|null);

            /** ForwardReply revisions. */
            public revisions?: (ringkv.forward.IRevisionsResponse|null);

            /** ForwardReply rangePart. */
            public rangePart?: (ringkv.kv.IRangeResponse|null);

            /** ForwardReply deleteRangePart. */
            public deleteRangePart?: (ringkv.kv.IDeleteRangeResponse|null);

            /** ForwardReply txn. */
            public txn?: (ringkv.kv.ITxnResponse|null);

            /** ForwardReply result. */
            public result?: ("put"|"get"|"delete"|"error"|"lease"|"revisions"|"rangePart"|"deleteRangePart"|"txn");

            /**
             * Creates a new ForwardReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForwardReply instance
             */
            public static create(properties?: ringkv.forward.IForwardReply): ringkv.forward.ForwardReply;

            /**
             * Encodes the specified ForwardReply message. Does not implicitly {@link ringkv.forward.ForwardReply.verify|verify} messages.
             * @param message ForwardReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IForwardReply, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForwardReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForwardReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.ForwardReply;

            /**
             * Verifies a ForwardReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForwardReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForwardReply
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.ForwardReply;

            /**
             * Creates a plain object from a ForwardReply message. Also converts values to other types if specified.
             * @param message ForwardReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.ForwardReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForwardReply to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ForwardError. */
        interface IForwardError {

            /** ForwardError code */
            code?: (string|null);

            /** ForwardError message */
            message?: (string|null);

            /** ForwardError leaderHint */
            leaderHint?: (string|null);

            /** ForwardError retryAfterMs */
            retryAfterMs?: (number|null);
        }

        /** Represents a ForwardError. */
        class ForwardError implements IForwardError {

            /**
             * Constructs a new ForwardError.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.IForwardError);

            /** ForwardError code. */
            public code: string;

            /** ForwardError message. */
            public message: string;

            /** ForwardError leaderHint. */
            public leaderHint: string;

            /** ForwardError retryAfterMs. */
            public retryAfterMs: number;

            /**
             * Creates a new ForwardError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForwardError instance
             */
            public static create(properties?: ringkv.forward.IForwardError): ringkv.forward.ForwardError;

            /**
             * Encodes the specified ForwardError message. Does not implicitly {@link ringkv.forward.ForwardError.verify|verify} messages.
             * @param message ForwardError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.IForwardError, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForwardError message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ForwardError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.ForwardError;

            /**
             * Verifies a ForwardError message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForwardError message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForwardError
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.ForwardError;

            /**
             * Creates a plain object from a ForwardError message. Also converts values to other types if specified.
             * @param message ForwardError
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.ForwardError, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForwardError to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseForward. */
        interface ILeaseForward {

            /** LeaseForward grant */
            grant?: (ringkv.kv.ILeaseGrantRequest|null);

            /** LeaseForward revoke */
            revoke?: (ringkv.kv.ILeaseRevokeRequest|null);

            /** LeaseForward keepAlive */
            keepAlive?: (ringkv.kv.ILeaseKeepAliveRequest|null);

            /** LeaseForward timeToLive */
            timeToLive?: (ringkv.kv.ILeaseTimeToLiveRequest|null);

            /** LeaseForward leases */
            leases?: (ringkv.kv.ILeaseLeasesRequest|null);

            /** LeaseForward exists */
            exists?: (ringkv.forward.ILeaseExistsRequest|null);

            /** LeaseForward revokeKeys */
            revokeKeys?: (ringkv.forward.ILeaseShardRequest|null);

            /** LeaseForward keys */
            keys?: (ringkv.forward.ILeaseShardRequest|null);
        }

        /** Represents a LeaseForward. */
        class LeaseForward implements ILeaseForward {

            /**
             * Constructs a new LeaseForward.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseForward);

            /** LeaseForward grant. */
            public grant?: (ringkv.kv.ILeaseGrantRequest|null);

            /** LeaseForward revoke. */
            public revoke?: (ringkv.kv.ILeaseRevokeRequest|null);

            /** LeaseForward keepAlive. */
            public keepAlive?: (ringkv.kv.ILeaseKeepAliveRequest|null);

            /** LeaseForward timeToLive. */
            public timeToLive?: (ringkv.kv.ILeaseTimeToLiveRequest|null);

            /** LeaseForward leases. */
            public leases?: (ringkv.kv.ILeaseLeasesRequest|null);

            /** LeaseForward exists. */
            public exists?: (ringkv.forward.ILeaseExistsRequest|null);

            /** LeaseForward revokeKeys. */
            public revokeKeys?: (ringkv.forward.ILeaseShardRequest|null);

            /** LeaseForward keys. */
            public keys?: (ringkv.forward.ILeaseShardRequest|null);

            /** LeaseForward op. */
            public op?: ("grant"|"revoke"|"keepAlive"|"timeToLive"|"leases"|"exists"|"revokeKeys"|"keys");

            /**
             * Creates a new LeaseForward instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseForward instance
             */
            public static create(properties?: ringkv.forward.ILeaseForward): ringkv.forward.LeaseForward;

            /**
             * Encodes the specified LeaseForward message. Does not implicitly {@link ringkv.forward.LeaseForward.verify|verify} messages.
             * @param message LeaseForward message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseForward, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseForward message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseForward
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseForward;

            /**
             * Verifies a LeaseForward message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseForward message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseForward
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseForward;

            /**
             * Creates a plain object from a LeaseForward message. Also converts values to other types if specified.
             * @param message LeaseForward
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseForward, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseForward to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseExistsRequest. */
        interface ILeaseExistsRequest {

            /** LeaseExistsRequest id */
            id?: (number|null);
        }

        /** Represents a LeaseExistsRequest. */
        class LeaseExistsRequest implements ILeaseExistsRequest {

            /**
             * Constructs a new LeaseExistsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseExistsRequest);

            /** LeaseExistsRequest id. */
            public id: number;

            /**
             * Creates a new LeaseExistsRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseExistsRequest instance
             */
            public static create(properties?: ringkv.forward.ILeaseExistsRequest): ringkv.forward.LeaseExistsRequest;

            /**
             * Encodes the specified LeaseExistsRequest message. Does not implicitly {@link ringkv.forward.LeaseExistsRequest.verify|verify} messages.
             * @param message LeaseExistsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseExistsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseExistsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseExistsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseExistsRequest;

            /**
             * Verifies a LeaseExistsRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseExistsRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseExistsRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseExistsRequest;

            /**
             * Creates a plain object from a LeaseExistsRequest message. Also converts values to other types if specified.
             * @param message LeaseExistsRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseExistsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseExistsRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseShardRequest. */
        interface ILeaseShardRequest {

            /** LeaseShardRequest shard */
            shard?: (number|null);

            /** LeaseShardRequest lease */
            lease?: (number|null);

            /** LeaseShardRequest keysMax */
            keysMax?: (number|null);
        }

        /** Represents a LeaseShardRequest. */
        class LeaseShardRequest implements ILeaseShardRequest {

            /**
             * Constructs a new LeaseShardRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseShardRequest);

            /** LeaseShardRequest shard. */
            public shard: number;

            /** LeaseShardRequest lease. */
            public lease: number;

            /** LeaseShardRequest keysMax. */
            public keysMax: number;

            /**
             * Creates a new LeaseShardRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseShardRequest instance
             */
            public static create(properties?: ringkv.forward.ILeaseShardRequest): ringkv.forward.LeaseShardRequest;

            /**
             * Encodes the specified LeaseShardRequest message. Does not implicitly {@link ringkv.forward.LeaseShardRequest.verify|verify} messages.
             * @param message LeaseShardRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseShardRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseShardRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseShardRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseShardRequest;

            /**
             * Verifies a LeaseShardRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseShardRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseShardRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseShardRequest;

            /**
             * Creates a plain object from a LeaseShardRequest message. Also converts values to other types if specified.
             * @param message LeaseShardRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseShardRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseShardRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseForwardReply. */
        interface ILeaseForwardReply {

            /** LeaseForwardReply grant */
            grant?: (ringkv.kv.ILeaseGrantResponse|null);

            /** LeaseForwardReply revoke */
            revoke?: (ringkv.kv.ILeaseRevokeResponse|null);

            /** LeaseForwardReply keepAlive */
            keepAlive?: (ringkv.kv.ILeaseKeepAliveResponse|null);

            /** LeaseForwardReply timeToLive */
            timeToLive?: (ringkv.kv.ILeaseTimeToLiveResponse|null);

            /** LeaseForwardReply leases */
            leases?: (ringkv.kv.ILeaseLeasesResponse|null);

            /** LeaseForwardReply exists */
            exists?: (ringkv.forward.ILeaseExistsReply|null);

            /** LeaseForwardReply revokeKeys */
            revokeKeys?: (ringkv.forward.ILeaseKeysRevoked|null);

            /** LeaseForwardReply keys */
            keys?: (ringkv.forward.ILeaseKeysReply|null);
        }

        /** Represents a LeaseForwardReply. */
        class LeaseForwardReply implements ILeaseForwardReply {

            /**
             * Constructs a new LeaseForwardReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseForwardReply);

            /** LeaseForwardReply grant. */
            public grant?: (ringkv.kv.ILeaseGrantResponse|null);

            /** LeaseForwardReply revoke. */
            public revoke?: (ringkv.kv.ILeaseRevokeResponse|null);

            /** LeaseForwardReply keepAlive. */
            public keepAlive?: (ringkv.kv.ILeaseKeepAliveResponse|null);

            /** LeaseForwardReply timeToLive. */
            public timeToLive?: (ringkv.kv.ILeaseTimeToLiveResponse|null);

            /** LeaseForwardReply leases. */
            public leases?: (ringkv.kv.ILeaseLeasesResponse|null);

            /** LeaseForwardReply exists. */
            public exists?: (ringkv.forward.ILeaseExistsReply|null);

            /** LeaseForwardReply revokeKeys. */
            public revokeKeys?: (ringkv.forward.ILeaseKeysRevoked|null);

            /** LeaseForwardReply keys. */
            public keys?: (ringkv.forward.ILeaseKeysReply|null);

            /** LeaseForwardReply result. */
            public result?: ("grant"|"revoke"|"keepAlive"|"timeToLive"|"leases"|"exists"|"revokeKeys"|"keys");

            /**
             * Creates a new LeaseForwardReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseForwardReply instance
             */
            public static create(properties?: ringkv.forward.ILeaseForwardReply): ringkv.forward.LeaseForwardReply;

            /**
             * Encodes the specified LeaseForwardReply message. Does not implicitly {@link ringkv.forward.LeaseForwardReply.verify|verify} messages.
             * @param message LeaseForwardReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseForwardReply, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseForwardReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseForwardReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseForwardReply;

            /**
             * Verifies a LeaseForwardReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseForwardReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseForwardReply
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseForwardReply;

            /**
             * Creates a plain object from a LeaseForwardReply message. Also converts values to other types if specified.
             * @param message LeaseForwardReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseForwardReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseForwardReply to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseExistsReply. */
        interface ILeaseExistsReply {

            /** LeaseExistsReply exists */
            exists?: (boolean|null);
        }

        /** Represents a LeaseExistsReply. */
        class LeaseExistsReply implements ILeaseExistsReply {

            /**
             * Constructs a new LeaseExistsReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseExistsReply);

            /** LeaseExistsReply exists. */
            public exists: boolean;

            /**
             * Creates a new LeaseExistsReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseExistsReply instance
             */
            public static create(properties?: ringkv.forward.ILeaseExistsReply): ringkv.forward.LeaseExistsReply;

            /**
             * Encodes the specified LeaseExistsReply message. Does not implicitly {@link ringkv.forward.LeaseExistsReply.verify|verify} messages.
             * @param message LeaseExistsReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseExistsReply, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseExistsReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseExistsReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseExistsReply;

            /**
             * Verifies a LeaseExistsReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseExistsReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseExistsReply
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseExistsReply;

            /**
             * Creates a plain object from a LeaseExistsReply message. Also converts values to other types if specified.
             * @param message LeaseExistsReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseExistsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseExistsReply to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseKeysRevoked. */
        interface ILeaseKeysRevoked {

            /** LeaseKeysRevoked deleted */
            deleted?: (number|null);
        }

        /** Represents a LeaseKeysRevoked. */
        class LeaseKeysRevoked implements ILeaseKeysRevoked {

            /**
             * Constructs a new LeaseKeysRevoked.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseKeysRevoked);

            /** LeaseKeysRevoked deleted. */
            public deleted: number;

            /**
             * Creates a new LeaseKeysRevoked instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseKeysRevoked instance
             */
            public static create(properties?: ringkv.forward.ILeaseKeysRevoked): ringkv.forward.LeaseKeysRevoked;

            /**
             * Encodes the specified LeaseKeysRevoked message. Does not implicitly {@link ringkv.forward.LeaseKeysRevoked.verify|verify} messages.
             * @param message LeaseKeysRevoked message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseKeysRevoked, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseKeysRevoked message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseKeysRevoked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseKeysRevoked;

            /**
             * Verifies a LeaseKeysRevoked message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseKeysRevoked message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseKeysRevoked
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseKeysRevoked;

            /**
             * Creates a plain object from a LeaseKeysRevoked message. Also converts values to other types if specified.
             * @param message LeaseKeysRevoked
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseKeysRevoked, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseKeysRevoked to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseKeysReply. */
        interface ILeaseKeysReply {

            /** LeaseKeysReply keys */
            keys?: (Uint8Array[]|null);

            /** LeaseKeysReply more */
            more?: (boolean|null);
        }

        /** Represents a LeaseKeysReply. */
        class LeaseKeysReply implements ILeaseKeysReply {

            /**
             * Constructs a new LeaseKeysReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.forward.ILeaseKeysReply);

            /** LeaseKeysReply keys. */
            public keys: Uint8Array[];

            /** LeaseKeysReply more. */
            public more: boolean;

            /**
             * Creates a new LeaseKeysReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseKeysReply instance
             */
            public static create(properties?: ringkv.forward.ILeaseKeysReply): ringkv.forward.LeaseKeysReply;

            /**
             * Encodes the specified LeaseKeysReply message. Does not implicitly {@link ringkv.forward.LeaseKeysReply.verify|verify} messages.
             * @param message LeaseKeysReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.forward.ILeaseKeysReply, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseKeysReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseKeysReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.forward.LeaseKeysReply;

            /**
             * Verifies a LeaseKeysReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseKeysReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseKeysReply
             */
            public static fromObject(object: { [k: string]: any }): ringkv.forward.LeaseKeysReply;

            /**
             * Creates a plain object from a LeaseKeysReply message. Also converts values to other types if specified.
             * @param message LeaseKeysReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.forward.LeaseKeysReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseKeysReply to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace kv. */
    namespace kv {

        /** Properties of a PutRequest. */
        interface IPutRequest {

            /** PutRequest key */
            key?: (Uint8Array|null);

            /** PutRequest value */
            value?: (Uint8Array|null);

            /** PutRequest ifVersion */
            ifVersion?: (number|null);

            /** PutRequest lease */
            lease?: (number|null);

            /** PutRequest prevKv */
            prevKv?: (boolean|null);

            /** PutRequest ignoreValue */
            ignoreValue?: (boolean|null);

            /** PutRequest ignoreLease */
            ignoreLease?: (boolean|null);
        }

        /** Represents a PutRequest. */
        class PutRequest implements IPutRequest {

            /**
             * Constructs a new PutRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IPutRequest);

            /** PutRequest key. */
            public key: Uint8Array;

            /** PutRequest value. */
            public value: Uint8Array;

            /** PutRequest ifVersion. */
            public ifVersion?: (number|null);

            /** PutRequest lease. */
            public lease: number;

            /** PutRequest prevKv. */
            public prevKv: boolean;

            /** PutRequest ignoreValue. */
            public ignoreValue: boolean;

            /** PutRequest ignoreLease. */
            public ignoreLease: boolean;

            /**
             * Creates a new PutRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PutRequest instance
             */
            public static create(properties?: ringkv.kv.IPutRequest): ringkv.kv.PutRequest;

            /**
             * Encodes the specified PutRequest message. Does not implicitly {@link ringkv.kv.PutRequest.verify|verify} messages.
             * @param message PutRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IPutRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PutRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PutRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.PutRequest;

            /**
             * Verifies a PutRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PutRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PutRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.PutRequest;

            /**
             * Creates a plain object from a PutRequest message. Also converts values to other types if specified.
             * @param message PutRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.PutRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PutRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a PutResponse. */
        interface IPutResponse {

            /** PutResponse version */
            version?: (number|null);

            /** PutResponse prevKv */
            prevKv?: (ringkv.kv.IKeyValue|null);
        }

        /** Represents a PutResponse. */
        class PutResponse implements IPutResponse {

            /**
             * Constructs a new PutResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IPutResponse);

            /** PutResponse version. */
            public version: number;

            /** PutResponse prevKv. */
            public prevKv?: (ringkv.kv.IKeyValue|null);

            /**
             * Creates a new PutResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PutResponse instance
             */
            public static create(properties?: ringkv.kv.IPutResponse): ringkv.kv.PutResponse;

            /**
             * Encodes the specified PutResponse message. Does not implicitly {@link ringkv.kv.PutResponse.verify|verify} messages.
             * @param message PutResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IPutResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PutResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PutResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.PutResponse;

            /**
             * Verifies a PutResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PutResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PutResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.PutResponse;

            /**
             * Creates a plain object from a PutResponse message. Also converts values to other types if specified.
             * @param message PutResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.PutResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PutResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a KeyValue. */
        interface IKeyValue {

            /** KeyValue key */
            key?: (Uint8Array|null);

            /** KeyValue value */
            value?: (Uint8Array|null);

            /** KeyValue createRevision */
            createRevision?: (number|null);

            /** KeyValue modRevision */
            modRevision?: (number|null);

            /** KeyValue writes */
            writes?: (number|null);

            /** KeyValue lease */
            lease?: (number|null);
        }

        /** Represents a KeyValue. */
        class KeyValue implements IKeyValue {

            /**
             * Constructs a new KeyValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IKeyValue);

            /** KeyValue key. */
            public key: Uint8Array;

            /** KeyValue value. */
            public value: Uint8Array;

            /** KeyValue createRevision. */
            public createRevision: number;

            /** KeyValue modRevision. */
            public modRevision: number;

            /** KeyValue writes. */
            public writes: number;

            /** KeyValue lease. */
            public lease: number;

            /**
             * Creates a new KeyValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KeyValue instance
             */
            public static create(properties?: ringkv.kv.IKeyValue): ringkv.kv.KeyValue;

            /**
             * Encodes the specified KeyValue message. Does not implicitly {@link ringkv.kv.KeyValue.verify|verify} messages.
             * @param message KeyValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IKeyValue, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KeyValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns KeyValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.KeyValue;

            /**
             * Verifies a KeyValue message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KeyValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KeyValue
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.KeyValue;

            /**
             * Creates a plain object from a KeyValue message. Also converts values to other types if specified.
             * @param message KeyValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.KeyValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KeyValue to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** SortOrder enum. */
        enum SortOrder {
            SORT_NONE = 0,
            SORT_ASCEND = 1,
            SORT_DESCEND = 2
        }

        /** SortTarget enum. */
        enum SortTarget {
            SORT_BY_KEY = 0,
            SORT_BY_VERSION = 1,
            SORT_BY_CREATE = 2,
            SORT_BY_MOD = 3,
            SORT_BY_VALUE = 4
        }

        /** Properties of a RangeRequest. */
        interface IRangeRequest {

            /** RangeRequest key */
            key?: (Uint8Array|null);

            /** RangeRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** RangeRequest limit */
            limit?: (number|null);

            /** RangeRequest keysOnly */
            keysOnly?: (boolean|null);

            /** RangeRequest countOnly */
            countOnly?: (boolean|null);

            /** RangeRequest sortOrder */
            sortOrder?: (ringkv.kv.SortOrder|null);

            /** RangeRequest sortTarget */
            sortTarget?: (ringkv.kv.SortTarget|null);

            /** RangeRequest stale */
            stale?: (boolean|null);

            /** RangeRequest minModRevision */
            minModRevision?: (number|null);

            /** RangeRequest maxModRevision */
            maxModRevision?: (number|null);

            /** RangeRequest minCreateRevision */
            minCreateRevision?: (number|null);

            /** RangeRequest maxCreateRevision */
            maxCreateRevision?: (number|null);
        }

        /** Represents a RangeRequest. */
        class RangeRequest implements IRangeRequest {

            /**
             * Constructs a new RangeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IRangeRequest);

            /** RangeRequest key. */
            public key: Uint8Array;

            /** RangeRequest rangeEnd. */
            public rangeEnd?: (Uint8Array|null);

            /** RangeRequest limit. */
            public limit: number;

            /** RangeRequest keysOnly. */
            public keysOnly: boolean;

            /** RangeRequest countOnly. */
            public countOnly: boolean;

            /** RangeRequest sortOrder. */
            public sortOrder: ringkv.kv.SortOrder;

            /** RangeRequest sortTarget. */
            public sortTarget: ringkv.kv.SortTarget;

            /** RangeRequest stale. */
            public stale: boolean;

            /** RangeRequest minModRevision. */
            public minModRevision: number;

            /** RangeRequest maxModRevision. */
            public maxModRevision: number;

            /** RangeRequest minCreateRevision. */
            public minCreateRevision: number;

            /** RangeRequest maxCreateRevision. */
            public maxCreateRevision: number;

            /**
             * Creates a new RangeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RangeRequest instance
             */
            public static create(properties?: ringkv.kv.IRangeRequest): ringkv.kv.RangeRequest;

            /**
             * Encodes the specified RangeRequest message. Does not implicitly {@link ringkv.kv.RangeRequest.verify|verify} messages.
             * @param message RangeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IRangeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RangeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RangeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.RangeRequest;

            /**
             * Verifies a RangeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RangeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RangeRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.RangeRequest;

            /**
             * Creates a plain object from a RangeRequest message. Also converts values to other types if specified.
             * @param message RangeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.RangeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RangeRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RangeResponse. */
        interface IRangeResponse {

            /** RangeResponse kvs */
            kvs?: (ringkv.kv.IKeyValue[]|null);

            /** RangeResponse more */
            more?: (boolean|null);

            /** RangeResponse count */
            count?: (number|null);

            /** RangeResponse revision */
            revision?: (number|null);
        }

        /** Represents a RangeResponse. */
        class RangeResponse implements IRangeResponse {

            /**
             * Constructs a new RangeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IRangeResponse);

            /** RangeResponse kvs. */
            public kvs: ringkv.kv.IKeyValue[];

            /** RangeResponse more. */
            public more: boolean;

            /** RangeResponse count. */
            public count: number;

            /** RangeResponse revision. */
            public revision: number;

            /**
             * Creates a new RangeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RangeResponse instance
             */
            public static create(properties?: ringkv.kv.IRangeResponse): ringkv.kv.RangeResponse;

            /**
             * Encodes the specified RangeResponse message. Does not implicitly {@link ringkv.kv.RangeResponse.verify|verify} messages.
             * @param message RangeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IRangeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RangeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RangeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.RangeResponse;

            /**
             * Verifies a RangeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RangeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RangeResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.RangeResponse;

            /**
             * Creates a plain object from a RangeResponse message. Also converts values to other types if specified.
             * @param message RangeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.RangeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RangeResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteRangeRequest. */
        interface IDeleteRangeRequest {

            /** DeleteRangeRequest key */
            key?: (Uint8Array|null);

            /** DeleteRangeRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** DeleteRangeRequest prevKv */
            prevKv?: (boolean|null);
        }

        /** Represents a DeleteRangeRequest. */
        class DeleteRangeRequest implements IDeleteRangeRequest {

            /**
             * Constructs a new DeleteRangeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IDeleteRangeRequest);

            /** DeleteRangeRequest key. */
            public key: Uint8Array;

            /** DeleteRangeRequest rangeEnd. */
            public rangeEnd?: (Uint8Array|null);

            /** DeleteRangeRequest prevKv. */
            public prevKv: boolean;

            /**
             * Creates a new DeleteRangeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteRangeRequest instance
             */
            public static create(properties?: ringkv.kv.IDeleteRangeRequest): ringkv.kv.DeleteRangeRequest;

            /**
             * Encodes the specified DeleteRangeRequest message. Does not implicitly {@link ringkv.kv.DeleteRangeRequest.verify|verify} messages.
             * @param message DeleteRangeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IDeleteRangeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteRangeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteRangeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.DeleteRangeRequest;

            /**
             * Verifies a DeleteRangeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteRangeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteRangeRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.DeleteRangeRequest;

            /**
             * Creates a plain object from a DeleteRangeRequest message. Also converts values to other types if specified.
             * @param message DeleteRangeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.DeleteRangeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteRangeRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteRangeResponse. */
        interface IDeleteRangeResponse {

            /** DeleteRangeResponse deleted */
            deleted?: (number|null);

            /** DeleteRangeResponse prevKvs */
            prevKvs?: (ringkv.kv.IKeyValue[]|null);

            /** DeleteRangeResponse revision */
            revision?: (number|null);
        }

        /** Represents a DeleteRangeResponse. */
        class DeleteRangeResponse implements IDeleteRangeResponse {

            /**
             * Constructs a new DeleteRangeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IDeleteRangeResponse);

            /** DeleteRangeResponse deleted. */
            public deleted: number;

            /** DeleteRangeResponse prevKvs. */
            public prevKvs: ringkv.kv.IKeyValue[];

            /** DeleteRangeResponse revision. */
            public revision: number;

            /**
             * Creates a new DeleteRangeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteRangeResponse instance
             */
            public static create(properties?: ringkv.kv.IDeleteRangeResponse): ringkv.kv.DeleteRangeResponse;

            /**
             * Encodes the specified DeleteRangeResponse message. Does not implicitly {@link ringkv.kv.DeleteRangeResponse.verify|verify} messages.
             * @param message DeleteRangeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IDeleteRangeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteRangeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteRangeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.DeleteRangeResponse;

            /**
             * Verifies a DeleteRangeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteRangeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteRangeResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.DeleteRangeResponse;

            /**
             * Creates a plain object from a DeleteRangeResponse message. Also converts values to other types if specified.
             * @param message DeleteRangeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.DeleteRangeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteRangeResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** CompareTarget enum. */
        enum CompareTarget {
            COMPARE_VERSION = 0,
            COMPARE_CREATE = 1,
            COMPARE_MOD = 2,
            COMPARE_VALUE = 3,
            COMPARE_LEASE = 4
        }

        /** CompareResult enum. */
        enum CompareResult {
            COMPARE_EQUAL = 0,
            COMPARE_GREATER = 1,
            COMPARE_LESS = 2,
            COMPARE_NOT_EQUAL = 3
        }

        /** Properties of a Compare. */
        interface ICompare {

            /** Compare key */
            key?: (Uint8Array|null);

            /** Compare rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** Compare target */
            target?: (ringkv.kv.CompareTarget|null);

            /** Compare result */
            result?: (ringkv.kv.CompareResult|null);

            /** Compare number */
            number?: (number|null);

            /** Compare value */
            value?: (Uint8Array|null);
        }

        /** Represents a Compare. */
        class Compare implements ICompare {

            /**
             * Constructs a new Compare.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ICompare);

            /** Compare key. */
            public key: Uint8Array;

            /** Compare rangeEnd. */
            public rangeEnd?: (Uint8Array|null);

            /** Compare target. */
            public target: ringkv.kv.CompareTarget;

            /** Compare result. */
            public result: ringkv.kv.CompareResult;

            /** Compare number. */
            public number?: (number|null);

            /** Compare value. */
            public value?: (Uint8Array|null);

            /** Compare operand. */
            public operand?: ("number"|"value");

            /**
             * Creates a new Compare instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Compare instance
             */
            public static create(properties?: ringkv.kv.ICompare): ringkv.kv.Compare;

            /**
             * Encodes the specified Compare message. Does not implicitly {@link ringkv.kv.Compare.verify|verify} messages.
             * @param message Compare message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ICompare, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Compare message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Compare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.Compare;

            /**
             * Verifies a Compare message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Compare message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Compare
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.Compare;

            /**
             * Creates a plain object from a Compare message. Also converts values to other types if specified.
             * @param message Compare
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.Compare, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Compare to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RequestOp. */
        interface IRequestOp {

            /** RequestOp range */
            range?: (ringkv.kv.IRangeRequest|null);

            /** RequestOp put */
            put?: (ringkv.kv.IPutRequest|null);

            /** RequestOp deleteRange */
            deleteRange?: (ringkv.kv.IDeleteRangeRequest|null);
        }

        /** Represents a RequestOp. */
        class RequestOp implements IRequestOp {

            /**
             * Constructs a new RequestOp.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IRequestOp);

            /** RequestOp range. */
            public range?: (ringkv.kv.IRangeRequest|null);

            /** RequestOp put. */
            public put?: (ringkv.kv.IPutRequest|null);

            /** RequestOp deleteRange. */
            public deleteRange?: (ringkv.kv.IDeleteRangeRequest|null);

            /** RequestOp request. */
            public request?: ("range"|"put"|"deleteRange");

            /**
             * Creates a new RequestOp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RequestOp instance
             */
            public static create(properties?: ringkv.kv.IRequestOp): ringkv.kv.RequestOp;

            /**
             * Encodes the specified RequestOp message. Does not implicitly {@link ringkv.kv.RequestOp.verify|verify} messages.
             * @param message RequestOp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IRequestOp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RequestOp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RequestOp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.RequestOp;

            /**
             * Verifies a RequestOp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RequestOp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RequestOp
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.RequestOp;

            /**
             * Creates a plain object from a RequestOp message. Also converts values to other types if specified.
             * @param message RequestOp
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.RequestOp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RequestOp to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ResponseOp. */
        interface IResponseOp {

            /** ResponseOp range */
            range?: (ringkv.kv.IRangeResponse|null);

            /** ResponseOp put */
            put?: (ringkv.kv.IPutResponse|null);

            /** ResponseOp deleteRange */
            deleteRange?: (ringkv.kv.IDeleteRangeResponse|null);
        }

        /** Represents a ResponseOp. */
        class ResponseOp implements IResponseOp {

            /**
             * Constructs a new ResponseOp.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IResponseOp);

            /** ResponseOp range. */
            public range?: (ringkv.kv.IRangeResponse|null);

            /** ResponseOp put. */
            public put?: (ringkv.kv.IPutResponse|null);

            /** ResponseOp deleteRange. */
            public deleteRange?: (ringkv.kv.IDeleteRangeResponse|null);

            /** ResponseOp response. */
            public response?: ("range"|"put"|"deleteRange");

            /**
             * Creates a new ResponseOp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ResponseOp instance
             */
            public static create(properties?: ringkv.kv.IResponseOp): ringkv.kv.ResponseOp;

            /**
             * Encodes the specified ResponseOp message. Does not implicitly {@link ringkv.kv.ResponseOp.verify|verify} messages.
             * @param message ResponseOp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IResponseOp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ResponseOp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ResponseOp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.ResponseOp;

            /**
             * Verifies a ResponseOp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ResponseOp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ResponseOp
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.ResponseOp;

            /**
             * Creates a plain object from a ResponseOp message. Also converts values to other types if specified.
             * @param message ResponseOp
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.ResponseOp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ResponseOp to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a TxnRequest. */
        interface ITxnRequest {

            /** TxnRequest compares */
            compares?: (ringkv.kv.ICompare[]|null);

            /** TxnRequest success */
            success?: (ringkv.kv.IRequestOp[]|null);

            /** TxnRequest failure */
            failure?: (ringkv.kv.IRequestOp[]|null);
        }

        /** Represents a TxnRequest. */
        class TxnRequest implements ITxnRequest {

            /**
             * Constructs a new TxnRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ITxnRequest);

            /** TxnRequest compares. */
            public compares: ringkv.kv.ICompare[];

            /** TxnRequest success. */
            public success: ringkv.kv.IRequestOp[];

            /** TxnRequest failure. */
            public failure: ringkv.kv.IRequestOp[];

            /**
             * Creates a new TxnRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TxnRequest instance
             */
            public static create(properties?: ringkv.kv.ITxnRequest): ringkv.kv.TxnRequest;

            /**
             * Encodes the specified TxnRequest message. Does not implicitly {@link ringkv.kv.TxnRequest.verify|verify} messages.
             * @param message TxnRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ITxnRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TxnRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TxnRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.TxnRequest;

            /**
             * Verifies a TxnRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TxnRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TxnRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.TxnRequest;

            /**
             * Creates a plain object from a TxnRequest message. Also converts values to other types if specified.
             * @param message TxnRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.TxnRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TxnRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a TxnResponse. */
        interface ITxnResponse {

            /** TxnResponse succeeded */
            succeeded?: (boolean|null);

            /** TxnResponse responses */
            responses?: (ringkv.kv.IResponseOp[]|null);

            /** TxnResponse revision */
            revision?: (number|null);
        }

        /** Represents a TxnResponse. */
        class TxnResponse implements ITxnResponse {

            /**
             * Constructs a new TxnResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ITxnResponse);

            /** TxnResponse succeeded. */
            public succeeded: boolean;

            /** TxnResponse responses. */
            public responses: ringkv.kv.IResponseOp[];

            /** TxnResponse revision. */
            public revision: number;

            /**
             * Creates a new TxnResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TxnResponse instance
             */
            public static create(properties?: ringkv.kv.ITxnResponse): ringkv.kv.TxnResponse;

            /**
             * Encodes the specified TxnResponse message. Does not implicitly {@link ringkv.kv.TxnResponse.verify|verify} messages.
             * @param message TxnResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ITxnResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TxnResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TxnResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.TxnResponse;

            /**
             * Verifies a TxnResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TxnResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TxnResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.TxnResponse;

            /**
             * Creates a plain object from a TxnResponse message. Also converts values to other types if specified.
             * @param message TxnResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.TxnResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TxnResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GetRequest. */
        interface IGetRequest {

            /** GetRequest key */
            key?: (Uint8Array|null);

            /** GetRequest stale */
            stale?: (boolean|null);
        }

        /** Represents a GetRequest. */
        class GetRequest implements IGetRequest {

            /**
             * Constructs a new GetRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IGetRequest);

            /** GetRequest key. */
            public key: Uint8Array;

            /** GetRequest stale. */
            public stale: boolean;

            /**
             * Creates a new GetRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetRequest instance
             */
            public static create(properties?: ringkv.kv.IGetRequest): ringkv.kv.GetRequest;

            /**
             * Encodes the specified GetRequest message. Does not implicitly {@link ringkv.kv.GetRequest.verify|verify} messages.
             * @param message GetRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IGetRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.GetRequest;

            /**
             * Verifies a GetRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GetRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.GetRequest;

            /**
             * Creates a plain object from a GetRequest message. Also converts values to other types if specified.
             * @param message GetRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.GetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GetResponse. */
        interface IGetResponse {

            /** GetResponse found */
            found?: (boolean|null);

            /** GetResponse value */
            value?: (Uint8Array|null);

            /** GetResponse version */
            version?: (number|null);
        }

        /** Represents a GetResponse. */
        class GetResponse implements IGetResponse {

            /**
             * Constructs a new GetResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IGetResponse);

            /** GetResponse found. */
            public found: boolean;

            /** GetResponse value. */
            public value: Uint8Array;

            /** GetResponse version. */
            public version: number;

            /**
             * Creates a new GetResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetResponse instance
             */
            public static create(properties?: ringkv.kv.IGetResponse): ringkv.kv.GetResponse;

            /**
             * Encodes the specified GetResponse message. Does not implicitly {@link ringkv.kv.GetResponse.verify|verify} messages.
             * @param message GetResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IGetResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.GetResponse;

            /**
             * Verifies a GetResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GetResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.GetResponse;

            /**
             * Creates a plain object from a GetResponse message. Also converts values to other types if specified.
             * @param message GetResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.GetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteRequest. */
        interface IDeleteRequest {

            /** DeleteRequest key */
            key?: (Uint8Array|null);

            /** DeleteRequest ifVersion */
            ifVersion?: (number|null);
        }

        /** Represents a DeleteRequest. */
        class DeleteRequest implements IDeleteRequest {

            /**
             * Constructs a new DeleteRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IDeleteRequest);

            /** DeleteRequest key. */
            public key: Uint8Array;

            /** DeleteRequest ifVersion. */
            public ifVersion?: (number|null);

            /**
             * Creates a new DeleteRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteRequest instance
             */
            public static create(properties?: ringkv.kv.IDeleteRequest): ringkv.kv.DeleteRequest;

            /**
             * Encodes the specified DeleteRequest message. Does not implicitly {@link ringkv.kv.DeleteRequest.verify|verify} messages.
             * @param message DeleteRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IDeleteRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.DeleteRequest;

            /**
             * Verifies a DeleteRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.DeleteRequest;

            /**
             * Creates a plain object from a DeleteRequest message. Also converts values to other types if specified.
             * @param message DeleteRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.DeleteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a DeleteResponse. */
        interface IDeleteResponse {

            /** DeleteResponse deleted */
            deleted?: (boolean|null);
        }

        /** Represents a DeleteResponse. */
        class DeleteResponse implements IDeleteResponse {

            /**
             * Constructs a new DeleteResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IDeleteResponse);

            /** DeleteResponse deleted. */
            public deleted: boolean;

            /**
             * Creates a new DeleteResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteResponse instance
             */
            public static create(properties?: ringkv.kv.IDeleteResponse): ringkv.kv.DeleteResponse;

            /**
             * Encodes the specified DeleteResponse message. Does not implicitly {@link ringkv.kv.DeleteResponse.verify|verify} messages.
             * @param message DeleteResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IDeleteResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DeleteResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.DeleteResponse;

            /**
             * Verifies a DeleteResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.DeleteResponse;

            /**
             * Creates a plain object from a DeleteResponse message. Also converts values to other types if specified.
             * @param message DeleteResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.DeleteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Member. */
        interface IMember {

            /** Member id */
            id?: (string|null);

            /** Member addr */
            addr?: (string|null);

            /** Member http */
            http?: (string|null);
        }

        /** Represents a Member. */
        class Member implements IMember {

            /**
             * Constructs a new Member.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IMember);

            /** Member id. */
            public id: string;

            /** Member addr. */
            public addr: string;

            /** Member http. */
            public http: string;

            /**
             * Creates a new Member instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Member instance
             */
            public static create(properties?: ringkv.kv.IMember): ringkv.kv.Member;

            /**
             * Encodes the specified Member message. Does not implicitly {@link ringkv.kv.Member.verify|verify} messages.
             * @param message Member message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IMember, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Member message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Member
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.Member;

            /**
             * Verifies a Member message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Member message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Member
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.Member;

            /**
             * Creates a plain object from a Member message. Also converts values to other types if specified.
             * @param message Member
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.Member, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Member to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a JoinRequest. */
        interface IJoinRequest {

            /** JoinRequest member */
            member?: (ringkv.kv.IMember|null);
        }

        /** Represents a JoinRequest. */
        class JoinRequest implements IJoinRequest {

            /**
             * Constructs a new JoinRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IJoinRequest);

            /** JoinRequest member. */
            public member?: (ringkv.kv.IMember|null);

            /**
             * Creates a new JoinRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JoinRequest instance
             */
            public static create(properties?: ringkv.kv.IJoinRequest): ringkv.kv.JoinRequest;

            /**
             * Encodes the specified JoinRequest message. Does not implicitly {@link ringkv.kv.JoinRequest.verify|verify} messages.
             * @param message JoinRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IJoinRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.JoinRequest;

            /**
             * Verifies a JoinRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JoinRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JoinRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.JoinRequest;

            /**
             * Creates a plain object from a JoinRequest message. Also converts values to other types if specified.
             * @param message JoinRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.JoinRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JoinRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a JoinResponse. */
        interface IJoinResponse {

            /** JoinResponse members */
            members?: (ringkv.kv.IMember[]|null);

            /** JoinResponse epoch */
            epoch?: (number|null);
        }

        /** Represents a JoinResponse. */
        class JoinResponse implements IJoinResponse {

            /**
             * Constructs a new JoinResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IJoinResponse);

            /** JoinResponse members. */
            public members: ringkv.kv.IMember[];

            /** JoinResponse epoch. */
            public epoch: number;

            /**
             * Creates a new JoinResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JoinResponse instance
             */
            public static create(properties?: ringkv.kv.IJoinResponse): ringkv.kv.JoinResponse;

            /**
             * Encodes the specified JoinResponse message. Does not implicitly {@link ringkv.kv.JoinResponse.verify|verify} messages.
             * @param message JoinResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IJoinResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.JoinResponse;

            /**
             * Verifies a JoinResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JoinResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JoinResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.JoinResponse;

            /**
             * Creates a plain object from a JoinResponse message. Also converts values to other types if specified.
             * @param message JoinResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.JoinResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JoinResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaveRequest. */
        interface ILeaveRequest {

            /** LeaveRequest id */
            id?: (string|null);
        }

        /** Represents a LeaveRequest. */
        class LeaveRequest implements ILeaveRequest {

            /**
             * Constructs a new LeaveRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaveRequest);

            /** LeaveRequest id. */
            public id: string;

            /**
             * Creates a new LeaveRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaveRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaveRequest): ringkv.kv.LeaveRequest;

            /**
             * Encodes the specified LeaveRequest message. Does not implicitly {@link ringkv.kv.LeaveRequest.verify|verify} messages.
             * @param message LeaveRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaveRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaveRequest;

            /**
             * Verifies a LeaveRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaveRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaveRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaveRequest;

            /**
             * Creates a plain object from a LeaveRequest message. Also converts values to other types if specified.
             * @param message LeaveRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaveRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaveResponse. */
        interface ILeaveResponse {
        }

        /** Represents a LeaveResponse. */
        class LeaveResponse implements ILeaveResponse {

            /**
             * Constructs a new LeaveResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaveResponse);

            /**
             * Creates a new LeaveResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaveResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaveResponse): ringkv.kv.LeaveResponse;

            /**
             * Encodes the specified LeaveResponse message. Does not implicitly {@link ringkv.kv.LeaveResponse.verify|verify} messages.
             * @param message LeaveResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaveResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaveResponse;

            /**
             * Verifies a LeaveResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaveResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaveResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaveResponse;

            /**
             * Creates a plain object from a LeaveResponse message. Also converts values to other types if specified.
             * @param message LeaveResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaveResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a StatusRequest. */
        interface IStatusRequest {

            /** StatusRequest membershipOnly */
            membershipOnly?: (boolean|null);
        }

        /** Represents a StatusRequest. */
        class StatusRequest implements IStatusRequest {

            /**
             * Constructs a new StatusRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IStatusRequest);

            /** StatusRequest membershipOnly. */
            public membershipOnly: boolean;

            /**
             * Creates a new StatusRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatusRequest instance
             */
            public static create(properties?: ringkv.kv.IStatusRequest): ringkv.kv.StatusRequest;

            /**
             * Encodes the specified StatusRequest message. Does not implicitly {@link ringkv.kv.StatusRequest.verify|verify} messages.
             * @param message StatusRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatusRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.StatusRequest;

            /**
             * Verifies a StatusRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StatusRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StatusRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.StatusRequest;

            /**
             * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
             * @param message StatusRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.StatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatusRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a StatusResponse. */
        interface IStatusResponse {

            /** StatusResponse json */
            json?: (string|null);
        }

        /** Represents a StatusResponse. */
        class StatusResponse implements IStatusResponse {

            /**
             * Constructs a new StatusResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.IStatusResponse);

            /** StatusResponse json. */
            public json: string;

            /**
             * Creates a new StatusResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatusResponse instance
             */
            public static create(properties?: ringkv.kv.IStatusResponse): ringkv.kv.StatusResponse;

            /**
             * Encodes the specified StatusResponse message. Does not implicitly {@link ringkv.kv.StatusResponse.verify|verify} messages.
             * @param message StatusResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.IStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatusResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.StatusResponse;

            /**
             * Verifies a StatusResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StatusResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StatusResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.StatusResponse;

            /**
             * Creates a plain object from a StatusResponse message. Also converts values to other types if specified.
             * @param message StatusResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.StatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatusResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseGrantRequest. */
        interface ILeaseGrantRequest {

            /** LeaseGrantRequest ttlSeconds */
            ttlSeconds?: (number|null);

            /** LeaseGrantRequest id */
            id?: (number|null);
        }

        /** Represents a LeaseGrantRequest. */
        class LeaseGrantRequest implements ILeaseGrantRequest {

            /**
             * Constructs a new LeaseGrantRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseGrantRequest);

            /** LeaseGrantRequest ttlSeconds. */
            public ttlSeconds: number;

            /** LeaseGrantRequest id. */
            public id: number;

            /**
             * Creates a new LeaseGrantRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseGrantRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaseGrantRequest): ringkv.kv.LeaseGrantRequest;

            /**
             * Encodes the specified LeaseGrantRequest message. Does not implicitly {@link ringkv.kv.LeaseGrantRequest.verify|verify} messages.
             * @param message LeaseGrantRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseGrantRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseGrantRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseGrantRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseGrantRequest;

            /**
             * Verifies a LeaseGrantRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseGrantRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseGrantRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseGrantRequest;

            /**
             * Creates a plain object from a LeaseGrantRequest message. Also converts values to other types if specified.
             * @param message LeaseGrantRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseGrantRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseGrantRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseGrantResponse. */
        interface ILeaseGrantResponse {

            /** LeaseGrantResponse id */
            id?: (number|null);

            /** LeaseGrantResponse ttlSeconds */
            ttlSeconds?: (number|null);
        }

        /** Represents a LeaseGrantResponse. */
        class LeaseGrantResponse implements ILeaseGrantResponse {

            /**
             * Constructs a new LeaseGrantResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseGrantResponse);

            /** LeaseGrantResponse id. */
            public id: number;

            /** LeaseGrantResponse ttlSeconds. */
            public ttlSeconds: number;

            /**
             * Creates a new LeaseGrantResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseGrantResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaseGrantResponse): ringkv.kv.LeaseGrantResponse;

            /**
             * Encodes the specified LeaseGrantResponse message. Does not implicitly {@link ringkv.kv.LeaseGrantResponse.verify|verify} messages.
             * @param message LeaseGrantResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseGrantResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseGrantResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseGrantResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseGrantResponse;

            /**
             * Verifies a LeaseGrantResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseGrantResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseGrantResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseGrantResponse;

            /**
             * Creates a plain object from a LeaseGrantResponse message. Also converts values to other types if specified.
             * @param message LeaseGrantResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseGrantResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseGrantResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseRevokeRequest. */
        interface ILeaseRevokeRequest {

            /** LeaseRevokeRequest id */
            id?: (number|null);
        }

        /** Represents a LeaseRevokeRequest. */
        class LeaseRevokeRequest implements ILeaseRevokeRequest {

            /**
             * Constructs a new LeaseRevokeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseRevokeRequest);

            /** LeaseRevokeRequest id. */
            public id: number;

            /**
             * Creates a new LeaseRevokeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseRevokeRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaseRevokeRequest): ringkv.kv.LeaseRevokeRequest;

            /**
             * Encodes the specified LeaseRevokeRequest message. Does not implicitly {@link ringkv.kv.LeaseRevokeRequest.verify|verify} messages.
             * @param message LeaseRevokeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseRevokeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseRevokeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseRevokeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseRevokeRequest;

            /**
             * Verifies a LeaseRevokeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseRevokeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseRevokeRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseRevokeRequest;

            /**
             * Creates a plain object from a LeaseRevokeRequest message. Also converts values to other types if specified.
             * @param message LeaseRevokeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseRevokeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseRevokeRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseRevokeResponse. */
        interface ILeaseRevokeResponse {
        }

        /** Represents a LeaseRevokeResponse. */
        class LeaseRevokeResponse implements ILeaseRevokeResponse {

            /**
             * Constructs a new LeaseRevokeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseRevokeResponse);

            /**
             * Creates a new LeaseRevokeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseRevokeResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaseRevokeResponse): ringkv.kv.LeaseRevokeResponse;

            /**
             * Encodes the specified LeaseRevokeResponse message. Does not implicitly {@link ringkv.kv.LeaseRevokeResponse.verify|verify} messages.
             * @param message LeaseRevokeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseRevokeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseRevokeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseRevokeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseRevokeResponse;

            /**
             * Verifies a LeaseRevokeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseRevokeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseRevokeResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseRevokeResponse;

            /**
             * Creates a plain object from a LeaseRevokeResponse message. Also converts values to other types if specified.
             * @param message LeaseRevokeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseRevokeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseRevokeResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseKeepAliveRequest. */
        interface ILeaseKeepAliveRequest {

            /** LeaseKeepAliveRequest id */
            id?: (number|null);
        }

        /** Represents a LeaseKeepAliveRequest. */
        class LeaseKeepAliveRequest implements ILeaseKeepAliveRequest {

            /**
             * Constructs a new LeaseKeepAliveRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseKeepAliveRequest);

            /** LeaseKeepAliveRequest id. */
            public id: number;

            /**
             * Creates a new LeaseKeepAliveRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseKeepAliveRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaseKeepAliveRequest): ringkv.kv.LeaseKeepAliveRequest;

            /**
             * Encodes the specified LeaseKeepAliveRequest message. Does not implicitly {@link ringkv.kv.LeaseKeepAliveRequest.verify|verify} messages.
             * @param message LeaseKeepAliveRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseKeepAliveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseKeepAliveRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseKeepAliveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseKeepAliveRequest;

            /**
             * Verifies a LeaseKeepAliveRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseKeepAliveRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseKeepAliveRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseKeepAliveRequest;

            /**
             * Creates a plain object from a LeaseKeepAliveRequest message. Also converts values to other types if specified.
             * @param message LeaseKeepAliveRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseKeepAliveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseKeepAliveRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseKeepAliveResponse. */
        interface ILeaseKeepAliveResponse {

            /** LeaseKeepAliveResponse id */
            id?: (number|null);

            /** LeaseKeepAliveResponse ttlSeconds */
            ttlSeconds?: (number|null);
        }

        /** Represents a LeaseKeepAliveResponse. */
        class LeaseKeepAliveResponse implements ILeaseKeepAliveResponse {

            /**
             * Constructs a new LeaseKeepAliveResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseKeepAliveResponse);

            /** LeaseKeepAliveResponse id. */
            public id: number;

            /** LeaseKeepAliveResponse ttlSeconds. */
            public ttlSeconds: number;

            /**
             * Creates a new LeaseKeepAliveResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseKeepAliveResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaseKeepAliveResponse): ringkv.kv.LeaseKeepAliveResponse;

            /**
             * Encodes the specified LeaseKeepAliveResponse message. Does not implicitly {@link ringkv.kv.LeaseKeepAliveResponse.verify|verify} messages.
             * @param message LeaseKeepAliveResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseKeepAliveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseKeepAliveResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseKeepAliveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseKeepAliveResponse;

            /**
             * Verifies a LeaseKeepAliveResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseKeepAliveResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseKeepAliveResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseKeepAliveResponse;

            /**
             * Creates a plain object from a LeaseKeepAliveResponse message. Also converts values to other types if specified.
             * @param message LeaseKeepAliveResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseKeepAliveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseKeepAliveResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseTimeToLiveRequest. */
        interface ILeaseTimeToLiveRequest {

            /** LeaseTimeToLiveRequest id */
            id?: (number|null);

            /** LeaseTimeToLiveRequest keys */
            keys?: (boolean|null);
        }

        /** Represents a LeaseTimeToLiveRequest. */
        class LeaseTimeToLiveRequest implements ILeaseTimeToLiveRequest {

            /**
             * Constructs a new LeaseTimeToLiveRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseTimeToLiveRequest);

            /** LeaseTimeToLiveRequest id. */
            public id: number;

            /** LeaseTimeToLiveRequest keys. */
            public keys: boolean;

            /**
             * Creates a new LeaseTimeToLiveRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseTimeToLiveRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaseTimeToLiveRequest): ringkv.kv.LeaseTimeToLiveRequest;

            /**
             * Encodes the specified LeaseTimeToLiveRequest message. Does not implicitly {@link ringkv.kv.LeaseTimeToLiveRequest.verify|verify} messages.
             * @param message LeaseTimeToLiveRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseTimeToLiveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseTimeToLiveRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseTimeToLiveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseTimeToLiveRequest;

            /**
             * Verifies a LeaseTimeToLiveRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseTimeToLiveRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseTimeToLiveRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseTimeToLiveRequest;

            /**
             * Creates a plain object from a LeaseTimeToLiveRequest message. Also converts values to other types if specified.
             * @param message LeaseTimeToLiveRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseTimeToLiveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseTimeToLiveRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseTimeToLiveResponse. */
        interface ILeaseTimeToLiveResponse {

            /** LeaseTimeToLiveResponse id */
            id?: (number|null);

            /** LeaseTimeToLiveResponse ttlSeconds */
            ttlSeconds?: (number|null);

            /** LeaseTimeToLiveResponse grantedTtlSeconds */
            grantedTtlSeconds?: (number|null);

            /** LeaseTimeToLiveResponse keys */
            keys?: (Uint8Array[]|null);
        }

        /** Represents a LeaseTimeToLiveResponse. */
        class LeaseTimeToLiveResponse implements ILeaseTimeToLiveResponse {

            /**
             * Constructs a new LeaseTimeToLiveResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseTimeToLiveResponse);

            /** LeaseTimeToLiveResponse id. */
            public id: number;

            /** LeaseTimeToLiveResponse ttlSeconds. */
            public ttlSeconds: number;

            /** LeaseTimeToLiveResponse grantedTtlSeconds. */
            public grantedTtlSeconds: number;

            /** LeaseTimeToLiveResponse keys. */
            public keys: Uint8Array[];

            /**
             * Creates a new LeaseTimeToLiveResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseTimeToLiveResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaseTimeToLiveResponse): ringkv.kv.LeaseTimeToLiveResponse;

            /**
             * Encodes the specified LeaseTimeToLiveResponse message. Does not implicitly {@link ringkv.kv.LeaseTimeToLiveResponse.verify|verify} messages.
             * @param message LeaseTimeToLiveResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseTimeToLiveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseTimeToLiveResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseTimeToLiveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseTimeToLiveResponse;

            /**
             * Verifies a LeaseTimeToLiveResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseTimeToLiveResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseTimeToLiveResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseTimeToLiveResponse;

            /**
             * Creates a plain object from a LeaseTimeToLiveResponse message. Also converts values to other types if specified.
             * @param message LeaseTimeToLiveResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseTimeToLiveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseTimeToLiveResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseLeasesRequest. */
        interface ILeaseLeasesRequest {
        }

        /** Represents a LeaseLeasesRequest. */
        class LeaseLeasesRequest implements ILeaseLeasesRequest {

            /**
             * Constructs a new LeaseLeasesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseLeasesRequest);

            /**
             * Creates a new LeaseLeasesRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseLeasesRequest instance
             */
            public static create(properties?: ringkv.kv.ILeaseLeasesRequest): ringkv.kv.LeaseLeasesRequest;

            /**
             * Encodes the specified LeaseLeasesRequest message. Does not implicitly {@link ringkv.kv.LeaseLeasesRequest.verify|verify} messages.
             * @param message LeaseLeasesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseLeasesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseLeasesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseLeasesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseLeasesRequest;

            /**
             * Verifies a LeaseLeasesRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseLeasesRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseLeasesRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseLeasesRequest;

            /**
             * Creates a plain object from a LeaseLeasesRequest message. Also converts values to other types if specified.
             * @param message LeaseLeasesRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseLeasesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseLeasesRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a LeaseLeasesResponse. */
        interface ILeaseLeasesResponse {

            /** LeaseLeasesResponse ids */
            ids?: (number[]|null);
        }

        /** Represents a LeaseLeasesResponse. */
        class LeaseLeasesResponse implements ILeaseLeasesResponse {

            /**
             * Constructs a new LeaseLeasesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.kv.ILeaseLeasesResponse);

            /** LeaseLeasesResponse ids. */
            public ids: number[];

            /**
             * Creates a new LeaseLeasesResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseLeasesResponse instance
             */
            public static create(properties?: ringkv.kv.ILeaseLeasesResponse): ringkv.kv.LeaseLeasesResponse;

            /**
             * Encodes the specified LeaseLeasesResponse message. Does not implicitly {@link ringkv.kv.LeaseLeasesResponse.verify|verify} messages.
             * @param message LeaseLeasesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.kv.ILeaseLeasesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseLeasesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaseLeasesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.kv.LeaseLeasesResponse;

            /**
             * Verifies a LeaseLeasesResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseLeasesResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseLeasesResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.kv.LeaseLeasesResponse;

            /**
             * Creates a plain object from a LeaseLeasesResponse message. Also converts values to other types if specified.
             * @param message LeaseLeasesResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.kv.LeaseLeasesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseLeasesResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace gossip. */
    namespace gossip {

        /** MemberState enum. */
        enum MemberState {
            MEMBER_STATE_UNSPECIFIED = 0,
            MEMBER_STATE_ALIVE = 1,
            MEMBER_STATE_SUSPECT = 2,
            MEMBER_STATE_DEAD = 3,
            MEMBER_STATE_LEFT = 4
        }

        /** Properties of a MemberRecord. */
        interface IMemberRecord {

            /** MemberRecord id */
            id?: (string|null);

            /** MemberRecord addresses */
            addresses?: ({ [k: string]: string }|null);

            /** MemberRecord state */
            state?: (ringkv.gossip.MemberState|null);

            /** MemberRecord incarnation */
            incarnation?: (number|null);
        }

        /** Represents a MemberRecord. */
        class MemberRecord implements IMemberRecord {

            /**
             * Constructs a new MemberRecord.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IMemberRecord);

            /** MemberRecord id. */
            public id: string;

            /** MemberRecord addresses. */
            public addresses: { [k: string]: string };

            /** MemberRecord state. */
            public state: ringkv.gossip.MemberState;

            /** MemberRecord incarnation. */
            public incarnation: number;

            /**
             * Creates a new MemberRecord instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MemberRecord instance
             */
            public static create(properties?: ringkv.gossip.IMemberRecord): ringkv.gossip.MemberRecord;

            /**
             * Encodes the specified MemberRecord message. Does not implicitly {@link ringkv.gossip.MemberRecord.verify|verify} messages.
             * @param message MemberRecord message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IMemberRecord, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MemberRecord message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MemberRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.MemberRecord;

            /**
             * Verifies a MemberRecord message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MemberRecord message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MemberRecord
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.MemberRecord;

            /**
             * Creates a plain object from a MemberRecord message. Also converts values to other types if specified.
             * @param message MemberRecord
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.MemberRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MemberRecord to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a MetadataEntry. */
        interface IMetadataEntry {

            /** MetadataEntry key */
            key?: (string|null);

            /** MetadataEntry valueJson */
            valueJson?: (string|null);

            /** MetadataEntry version */
            version?: (number|null);

            /** MetadataEntry origin */
            origin?: (string|null);
        }

        /** Represents a MetadataEntry. */
        class MetadataEntry implements IMetadataEntry {

            /**
             * Constructs a new MetadataEntry.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IMetadataEntry);

            /** MetadataEntry key. */
            public key: string;

            /** MetadataEntry valueJson. */
            public valueJson: string;

            /** MetadataEntry version. */
            public version: number;

            /** MetadataEntry origin. */
            public origin: string;

            /**
             * Creates a new MetadataEntry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetadataEntry instance
             */
            public static create(properties?: ringkv.gossip.IMetadataEntry): ringkv.gossip.MetadataEntry;

            /**
             * Encodes the specified MetadataEntry message. Does not implicitly {@link ringkv.gossip.MetadataEntry.verify|verify} messages.
             * @param message MetadataEntry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IMetadataEntry, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetadataEntry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MetadataEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.MetadataEntry;

            /**
             * Verifies a MetadataEntry message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MetadataEntry message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MetadataEntry
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.MetadataEntry;

            /**
             * Creates a plain object from a MetadataEntry message. Also converts values to other types if specified.
             * @param message MetadataEntry
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.MetadataEntry, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MetadataEntry to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an Update. */
        interface IUpdate {

            /** Update member */
            member?: (ringkv.gossip.IMemberUpdate|null);

            /** Update metadata */
            metadata?: (ringkv.gossip.IMetadataEntry|null);
        }

        /** Represents an Update. */
        class Update implements IUpdate {

            /**
             * Constructs a new Update.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IUpdate);

            /** Update member. */
            public member?: (ringkv.gossip.IMemberUpdate|null);

            /** Update metadata. */
            public metadata?: (ringkv.gossip.IMetadataEntry|null);

            /** Update kind. */
            public kind?: ("member"|"metadata");

            /**
             * Creates a new Update instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Update instance
             */
            public static create(properties?: ringkv.gossip.IUpdate): ringkv.gossip.Update;

            /**
             * Encodes the specified Update message. Does not implicitly {@link ringkv.gossip.Update.verify|verify} messages.
             * @param message Update message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IUpdate, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Update message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Update
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.Update;

            /**
             * Verifies an Update message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Update message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Update
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.Update;

            /**
             * Creates a plain object from an Update message. Also converts values to other types if specified.
             * @param message Update
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.Update, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Update to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a MemberUpdate. */
        interface IMemberUpdate {

            /** MemberUpdate record */
            record?: (ringkv.gossip.IMemberRecord|null);

            /** MemberUpdate from */
            from?: (string|null);
        }

        /** Represents a MemberUpdate. */
        class MemberUpdate implements IMemberUpdate {

            /**
             * Constructs a new MemberUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IMemberUpdate);

            /** MemberUpdate record. */
            public record?: (ringkv.gossip.IMemberRecord|null);

            /** MemberUpdate from. */
            public from: string;

            /**
             * Creates a new MemberUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MemberUpdate instance
             */
            public static create(properties?: ringkv.gossip.IMemberUpdate): ringkv.gossip.MemberUpdate;

            /**
             * Encodes the specified MemberUpdate message. Does not implicitly {@link ringkv.gossip.MemberUpdate.verify|verify} messages.
             * @param message MemberUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IMemberUpdate, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MemberUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MemberUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.MemberUpdate;

            /**
             * Verifies a MemberUpdate message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MemberUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MemberUpdate
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.MemberUpdate;

            /**
             * Creates a plain object from a MemberUpdate message. Also converts values to other types if specified.
             * @param message MemberUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.MemberUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MemberUpdate to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ProbeRequest. */
        interface IProbeRequest {

            /** ProbeRequest seq */
            seq?: (number|null);
        }

        /** Represents a ProbeRequest. */
        class ProbeRequest implements IProbeRequest {

            /**
             * Constructs a new ProbeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IProbeRequest);

            /** ProbeRequest seq. */
            public seq: number;

            /**
             * Creates a new ProbeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProbeRequest instance
             */
            public static create(properties?: ringkv.gossip.IProbeRequest): ringkv.gossip.ProbeRequest;

            /**
             * Encodes the specified ProbeRequest message. Does not implicitly {@link ringkv.gossip.ProbeRequest.verify|verify} messages.
             * @param message ProbeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IProbeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProbeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.ProbeRequest;

            /**
             * Verifies a ProbeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProbeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProbeRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.ProbeRequest;

            /**
             * Creates a plain object from a ProbeRequest message. Also converts values to other types if specified.
             * @param message ProbeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.ProbeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProbeRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ProbeResponse. */
        interface IProbeResponse {

            /** ProbeResponse seq */
            seq?: (number|null);
        }

        /** Represents a ProbeResponse. */
        class ProbeResponse implements IProbeResponse {

            /**
             * Constructs a new ProbeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IProbeResponse);

            /** ProbeResponse seq. */
            public seq: number;

            /**
             * Creates a new ProbeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProbeResponse instance
             */
            public static create(properties?: ringkv.gossip.IProbeResponse): ringkv.gossip.ProbeResponse;

            /**
             * Encodes the specified ProbeResponse message. Does not implicitly {@link ringkv.gossip.ProbeResponse.verify|verify} messages.
             * @param message ProbeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IProbeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProbeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ProbeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.ProbeResponse;

            /**
             * Verifies a ProbeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProbeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProbeResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.ProbeResponse;

            /**
             * Creates a plain object from a ProbeResponse message. Also converts values to other types if specified.
             * @param message ProbeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.ProbeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProbeResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an IndirectProbeRequest. */
        interface IIndirectProbeRequest {

            /** IndirectProbeRequest seq */
            seq?: (number|null);

            /** IndirectProbeRequest target */
            target?: (string|null);
        }

        /** Represents an IndirectProbeRequest. */
        class IndirectProbeRequest implements IIndirectProbeRequest {

            /**
             * Constructs a new IndirectProbeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IIndirectProbeRequest);

            /** IndirectProbeRequest seq. */
            public seq: number;

            /** IndirectProbeRequest target. */
            public target: string;

            /**
             * Creates a new IndirectProbeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns IndirectProbeRequest instance
             */
            public static create(properties?: ringkv.gossip.IIndirectProbeRequest): ringkv.gossip.IndirectProbeRequest;

            /**
             * Encodes the specified IndirectProbeRequest message. Does not implicitly {@link ringkv.gossip.IndirectProbeRequest.verify|verify} messages.
             * @param message IndirectProbeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IIndirectProbeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an IndirectProbeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns IndirectProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.IndirectProbeRequest;

            /**
             * Verifies an IndirectProbeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an IndirectProbeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns IndirectProbeRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.IndirectProbeRequest;

            /**
             * Creates a plain object from an IndirectProbeRequest message. Also converts values to other types if specified.
             * @param message IndirectProbeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.IndirectProbeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this IndirectProbeRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an IndirectProbeResponse. */
        interface IIndirectProbeResponse {

            /** IndirectProbeResponse seq */
            seq?: (number|null);

            /** IndirectProbeResponse reached */
            reached?: (boolean|null);
        }

        /** Represents an IndirectProbeResponse. */
        class IndirectProbeResponse implements IIndirectProbeResponse {

            /**
             * Constructs a new IndirectProbeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IIndirectProbeResponse);

            /** IndirectProbeResponse seq. */
            public seq: number;

            /** IndirectProbeResponse reached. */
            public reached: boolean;

            /**
             * Creates a new IndirectProbeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns IndirectProbeResponse instance
             */
            public static create(properties?: ringkv.gossip.IIndirectProbeResponse): ringkv.gossip.IndirectProbeResponse;

            /**
             * Encodes the specified IndirectProbeResponse message. Does not implicitly {@link ringkv.gossip.IndirectProbeResponse.verify|verify} messages.
             * @param message IndirectProbeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IIndirectProbeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an IndirectProbeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns IndirectProbeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.IndirectProbeResponse;

            /**
             * Verifies an IndirectProbeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an IndirectProbeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns IndirectProbeResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.IndirectProbeResponse;

            /**
             * Creates a plain object from an IndirectProbeResponse message. Also converts values to other types if specified.
             * @param message IndirectProbeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.IndirectProbeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this IndirectProbeResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Gossip. */
        interface IGossip {
        }

        /** Represents a Gossip. */
        class Gossip implements IGossip {

            /**
             * Constructs a new Gossip.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IGossip);

            /**
             * Creates a new Gossip instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Gossip instance
             */
            public static create(properties?: ringkv.gossip.IGossip): ringkv.gossip.Gossip;

            /**
             * Encodes the specified Gossip message. Does not implicitly {@link ringkv.gossip.Gossip.verify|verify} messages.
             * @param message Gossip message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IGossip, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Gossip message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Gossip
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.Gossip;

            /**
             * Verifies a Gossip message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Gossip message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Gossip
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.Gossip;

            /**
             * Creates a plain object from a Gossip message. Also converts values to other types if specified.
             * @param message Gossip
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.Gossip, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Gossip to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a PushPull. */
        interface IPushPull {

            /** PushPull members */
            members?: (ringkv.gossip.IMemberRecord[]|null);

            /** PushPull metadata */
            metadata?: (ringkv.gossip.IMetadataEntry[]|null);
        }

        /** Represents a PushPull. */
        class PushPull implements IPushPull {

            /**
             * Constructs a new PushPull.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IPushPull);

            /** PushPull members. */
            public members: ringkv.gossip.IMemberRecord[];

            /** PushPull metadata. */
            public metadata: ringkv.gossip.IMetadataEntry[];

            /**
             * Creates a new PushPull instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PushPull instance
             */
            public static create(properties?: ringkv.gossip.IPushPull): ringkv.gossip.PushPull;

            /**
             * Encodes the specified PushPull message. Does not implicitly {@link ringkv.gossip.PushPull.verify|verify} messages.
             * @param message PushPull message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IPushPull, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PushPull message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PushPull
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.PushPull;

            /**
             * Verifies a PushPull message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PushPull message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PushPull
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.PushPull;

            /**
             * Creates a plain object from a PushPull message. Also converts values to other types if specified.
             * @param message PushPull
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.PushPull, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PushPull to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GossipMessage. */
        interface IGossipMessage {

            /** GossipMessage from */
            from?: (string|null);

            /** GossipMessage to */
            to?: (string|null);

            /** GossipMessage updates */
            updates?: (ringkv.gossip.IUpdate[]|null);

            /** GossipMessage probeRequest */
            probeRequest?: (ringkv.gossip.IProbeRequest|null);

            /** GossipMessage probeResponse */
            probeResponse?: (ringkv.gossip.IProbeResponse|null);

            /** GossipMessage indirectProbeRequest */
            indirectProbeRequest?: (ringkv.gossip.IIndirectProbeRequest|null);

            /** GossipMessage indirectProbeResponse */
            indirectProbeResponse?: (ringkv.gossip.IIndirectProbeResponse|null);

            /** GossipMessage gossip */
            gossip?: (ringkv.gossip.IGossip|null);

            /** GossipMessage pushPullRequest */
            pushPullRequest?: (ringkv.gossip.IPushPull|null);

            /** GossipMessage pushPullResponse */
            pushPullResponse?: (ringkv.gossip.IPushPull|null);
        }

        /** Represents a GossipMessage. */
        class GossipMessage implements IGossipMessage {

            /**
             * Constructs a new GossipMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IGossipMessage);

            /** GossipMessage from. */
            public from: string;

            /** GossipMessage to. */
            public to: string;

            /** GossipMessage updates. */
            public updates: ringkv.gossip.IUpdate[];

            /** GossipMessage probeRequest. */
            public probeRequest?: (ringkv.gossip.IProbeRequest|null);

            /** GossipMessage probeResponse. */
            public probeResponse?: (ringkv.gossip.IProbeResponse|null);

            /** GossipMessage indirectProbeRequest. */
            public indirectProbeRequest?: (ringkv.gossip.IIndirectProbeRequest|null);

            /** GossipMessage indirectProbeResponse. */
            public indirectProbeResponse?: (ringkv.gossip.IIndirectProbeResponse|null);

            /** GossipMessage gossip. */
            public gossip?: (ringkv.gossip.IGossip|null);

            /** GossipMessage pushPullRequest. */
            public pushPullRequest?: (ringkv.gossip.IPushPull|null);

            /** GossipMessage pushPullResponse. */
            public pushPullResponse?: (ringkv.gossip.IPushPull|null);

            /** GossipMessage body. */
            public body?: ("probeRequest"|"probeResponse"|"indirectProbeRequest"|"indirectProbeResponse"|"gossip"|"pushPullRequest"|"pushPullResponse");

            /**
             * Creates a new GossipMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GossipMessage instance
             */
            public static create(properties?: ringkv.gossip.IGossipMessage): ringkv.gossip.GossipMessage;

            /**
             * Encodes the specified GossipMessage message. Does not implicitly {@link ringkv.gossip.GossipMessage.verify|verify} messages.
             * @param message GossipMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IGossipMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GossipMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GossipMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.GossipMessage;

            /**
             * Verifies a GossipMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GossipMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GossipMessage
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.GossipMessage;

            /**
             * Creates a plain object from a GossipMessage message. Also converts values to other types if specified.
             * @param message GossipMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.GossipMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GossipMessage to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GossipBatch. */
        interface IGossipBatch {

            /** GossipBatch from */
            from?: (string|null);

            /** GossipBatch messages */
            messages?: (Uint8Array[]|null);
        }

        /** Represents a GossipBatch. */
        class GossipBatch implements IGossipBatch {

            /**
             * Constructs a new GossipBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IGossipBatch);

            /** GossipBatch from. */
            public from: string;

            /** GossipBatch messages. */
            public messages: Uint8Array[];

            /**
             * Creates a new GossipBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GossipBatch instance
             */
            public static create(properties?: ringkv.gossip.IGossipBatch): ringkv.gossip.GossipBatch;

            /**
             * Encodes the specified GossipBatch message. Does not implicitly {@link ringkv.gossip.GossipBatch.verify|verify} messages.
             * @param message GossipBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IGossipBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GossipBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GossipBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.GossipBatch;

            /**
             * Verifies a GossipBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GossipBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GossipBatch
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.GossipBatch;

            /**
             * Creates a plain object from a GossipBatch message. Also converts values to other types if specified.
             * @param message GossipBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.GossipBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GossipBatch to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GossipAck. */
        interface IGossipAck {
        }

        /** Represents a GossipAck. */
        class GossipAck implements IGossipAck {

            /**
             * Constructs a new GossipAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.gossip.IGossipAck);

            /**
             * Creates a new GossipAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GossipAck instance
             */
            public static create(properties?: ringkv.gossip.IGossipAck): ringkv.gossip.GossipAck;

            /**
             * Encodes the specified GossipAck message. Does not implicitly {@link ringkv.gossip.GossipAck.verify|verify} messages.
             * @param message GossipAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.gossip.IGossipAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GossipAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GossipAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.gossip.GossipAck;

            /**
             * Verifies a GossipAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GossipAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GossipAck
             */
            public static fromObject(object: { [k: string]: any }): ringkv.gossip.GossipAck;

            /**
             * Creates a plain object from a GossipAck message. Also converts values to other types if specified.
             * @param message GossipAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.gossip.GossipAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GossipAck to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace raft. */
    namespace raft {

        /** EntryType enum. */
        enum EntryType {
            ENTRY_TYPE_NORMAL = 0,
            ENTRY_TYPE_CONF_CHANGE = 1
        }

        /** MessageType enum. */
        enum MessageType {
            MESSAGE_TYPE_UNSPECIFIED = 0,
            MESSAGE_TYPE_APP = 1,
            MESSAGE_TYPE_APP_RESP = 2,
            MESSAGE_TYPE_VOTE = 3,
            MESSAGE_TYPE_VOTE_RESP = 4,
            MESSAGE_TYPE_PRE_VOTE = 5,
            MESSAGE_TYPE_PRE_VOTE_RESP = 6,
            MESSAGE_TYPE_HEARTBEAT = 7,
            MESSAGE_TYPE_HEARTBEAT_RESP = 8,
            MESSAGE_TYPE_SNAP = 9,
            MESSAGE_TYPE_TIMEOUT_NOW = 10,
            MESSAGE_TYPE_READ_INDEX = 11,
            MESSAGE_TYPE_READ_INDEX_RESP = 12
        }

        /** Properties of an Entry. */
        interface IEntry {

            /** Entry term */
            term?: (number|null);

            /** Entry index */
            index?: (number|null);

            /** Entry type */
            type?: (ringkv.raft.EntryType|null);

            /** Entry data */
            data?: (Uint8Array|null);
        }

        /** Represents an Entry. */
        class Entry implements IEntry {

            /**
             * Constructs a new Entry.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.IEntry);

            /** Entry term. */
            public term: number;

            /** Entry index. */
            public index: number;

            /** Entry type. */
            public type: ringkv.raft.EntryType;

            /** Entry data. */
            public data: Uint8Array;

            /**
             * Creates a new Entry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Entry instance
             */
            public static create(properties?: ringkv.raft.IEntry): ringkv.raft.Entry;

            /**
             * Encodes the specified Entry message. Does not implicitly {@link ringkv.raft.Entry.verify|verify} messages.
             * @param message Entry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.IEntry, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.Entry;

            /**
             * Verifies an Entry message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Entry message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Entry
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.Entry;

            /**
             * Creates a plain object from an Entry message. Also converts values to other types if specified.
             * @param message Entry
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.Entry, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Entry to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ConfState. */
        interface IConfState {

            /** ConfState voters */
            voters?: (string[]|null);

            /** ConfState learners */
            learners?: (string[]|null);

            /** ConfState votersOutgoing */
            votersOutgoing?: (string[]|null);

            /** ConfState learnersNext */
            learnersNext?: (string[]|null);

            /** ConfState autoLeave */
            autoLeave?: (boolean|null);
        }

        /** Represents a ConfState. */
        class ConfState implements IConfState {

            /**
             * Constructs a new ConfState.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.IConfState);

            /** ConfState voters. */
            public voters: string[];

            /** ConfState learners. */
            public learners: string[];

            /** ConfState votersOutgoing. */
            public votersOutgoing: string[];

            /** ConfState learnersNext. */
            public learnersNext: string[];

            /** ConfState autoLeave. */
            public autoLeave: boolean;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfState instance
             */
            public static create(properties?: ringkv.raft.IConfState): ringkv.raft.ConfState;

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link ringkv.raft.ConfState.verify|verify} messages.
             * @param message ConfState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.IConfState, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.ConfState;

            /**
             * Verifies a ConfState message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ConfState message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ConfState
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.ConfState;

            /**
             * Creates a plain object from a ConfState message. Also converts values to other types if specified.
             * @param message ConfState
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.ConfState, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ConfState to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotMeta. */
        interface ISnapshotMeta {

            /** SnapshotMeta index */
            index?: (number|null);

            /** SnapshotMeta term */
            term?: (number|null);

            /** SnapshotMeta confState */
            confState?: (ringkv.raft.IConfState|null);
        }

        /** Represents a SnapshotMeta. */
        class SnapshotMeta implements ISnapshotMeta {

            /**
             * Constructs a new SnapshotMeta.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.ISnapshotMeta);

            /** SnapshotMeta index. */
            public index: number;

            /** SnapshotMeta term. */
            public term: number;

            /** SnapshotMeta confState. */
            public confState?: (ringkv.raft.IConfState|null);

            /**
             * Creates a new SnapshotMeta instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotMeta instance
             */
            public static create(properties?: ringkv.raft.ISnapshotMeta): ringkv.raft.SnapshotMeta;

            /**
             * Encodes the specified SnapshotMeta message. Does not implicitly {@link ringkv.raft.SnapshotMeta.verify|verify} messages.
             * @param message SnapshotMeta message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.ISnapshotMeta, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotMeta message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotMeta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.SnapshotMeta;

            /**
             * Verifies a SnapshotMeta message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotMeta message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotMeta
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.SnapshotMeta;

            /**
             * Creates a plain object from a SnapshotMeta message. Also converts values to other types if specified.
             * @param message SnapshotMeta
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.SnapshotMeta, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotMeta to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Message. */
        interface IMessage {

            /** Message type */
            type?: (ringkv.raft.MessageType|null);

            /** Message from */
            from?: (string|null);

            /** Message to */
            to?: (string|null);

            /** Message term */
            term?: (number|null);

            /** Message logTerm */
            logTerm?: (number|null);

            /** Message index */
            index?: (number|null);

            /** Message entries */
            entries?: (ringkv.raft.IEntry[]|null);

            /** Message commit */
            commit?: (number|null);

            /** Message reject */
            reject?: (boolean|null);

            /** Message rejectHint */
            rejectHint?: (number|null);

            /** Message rejectTerm */
            rejectTerm?: (number|null);

            /** Message snapshot */
            snapshot?: (ringkv.raft.ISnapshotMeta|null);

            /** Message context */
            context?: (string|null);
        }

        /** Represents a Message. */
        class Message implements IMessage {

            /**
             * Constructs a new Message.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.IMessage);

            /** Message type. */
            public type: ringkv.raft.MessageType;

            /** Message from. */
            public from: string;

            /** Message to. */
            public to: string;

            /** Message term. */
            public term: number;

            /** Message logTerm. */
            public logTerm: number;

            /** Message index. */
            public index: number;

            /** Message entries. */
            public entries: ringkv.raft.IEntry[];

            /** Message commit. */
            public commit: number;

            /** Message reject. */
            public reject: boolean;

            /** Message rejectHint. */
            public rejectHint: number;

            /** Message rejectTerm. */
            public rejectTerm: number;

            /** Message snapshot. */
            public snapshot?: (ringkv.raft.ISnapshotMeta|null);

            /** Message context. */
            public context: string;

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            public static create(properties?: ringkv.raft.IMessage): ringkv.raft.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link ringkv.raft.Message.verify|verify} messages.
             * @param message Message message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.IMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.Message;

            /**
             * Verifies a Message message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Message message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Message
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.Message;

            /**
             * Creates a plain object from a Message message. Also converts values to other types if specified.
             * @param message Message
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.Message, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Message to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a GroupMessage. */
        interface IGroupMessage {

            /** GroupMessage group */
            group?: (string|null);

            /** GroupMessage message */
            message?: (ringkv.raft.IMessage|null);
        }

        /** Represents a GroupMessage. */
        class GroupMessage implements IGroupMessage {

            /**
             * Constructs a new GroupMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.IGroupMessage);

            /** GroupMessage group. */
            public group: string;

            /** GroupMessage message. */
            public message?: (ringkv.raft.IMessage|null);

            /**
             * Creates a new GroupMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GroupMessage instance
             */
            public static create(properties?: ringkv.raft.IGroupMessage): ringkv.raft.GroupMessage;

            /**
             * Encodes the specified GroupMessage message. Does not implicitly {@link ringkv.raft.GroupMessage.verify|verify} messages.
             * @param message GroupMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.IGroupMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GroupMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GroupMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.GroupMessage;

            /**
             * Verifies a GroupMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GroupMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GroupMessage
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.GroupMessage;

            /**
             * Creates a plain object from a GroupMessage message. Also converts values to other types if specified.
             * @param message GroupMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.GroupMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GroupMessage to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a MessageBatch. */
        interface IMessageBatch {

            /** MessageBatch from */
            from?: (string|null);

            /** MessageBatch messages */
            messages?: (ringkv.raft.IGroupMessage[]|null);
        }

        /** Represents a MessageBatch. */
        class MessageBatch implements IMessageBatch {

            /**
             * Constructs a new MessageBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.IMessageBatch);

            /** MessageBatch from. */
            public from: string;

            /** MessageBatch messages. */
            public messages: ringkv.raft.IGroupMessage[];

            /**
             * Creates a new MessageBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MessageBatch instance
             */
            public static create(properties?: ringkv.raft.IMessageBatch): ringkv.raft.MessageBatch;

            /**
             * Encodes the specified MessageBatch message. Does not implicitly {@link ringkv.raft.MessageBatch.verify|verify} messages.
             * @param message MessageBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.IMessageBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MessageBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MessageBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.MessageBatch;

            /**
             * Verifies a MessageBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MessageBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MessageBatch
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.MessageBatch;

            /**
             * Creates a plain object from a MessageBatch message. Also converts values to other types if specified.
             * @param message MessageBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.MessageBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MessageBatch to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SendAck. */
        interface ISendAck {
        }

        /** Represents a SendAck. */
        class SendAck implements ISendAck {

            /**
             * Constructs a new SendAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.ISendAck);

            /**
             * Creates a new SendAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SendAck instance
             */
            public static create(properties?: ringkv.raft.ISendAck): ringkv.raft.SendAck;

            /**
             * Encodes the specified SendAck message. Does not implicitly {@link ringkv.raft.SendAck.verify|verify} messages.
             * @param message SendAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.ISendAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SendAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SendAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.SendAck;

            /**
             * Verifies a SendAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SendAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SendAck
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.SendAck;

            /**
             * Creates a plain object from a SendAck message. Also converts values to other types if specified.
             * @param message SendAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.SendAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SendAck to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotChunk. */
        interface ISnapshotChunk {

            /** SnapshotChunk group */
            group?: (string|null);

            /** SnapshotChunk message */
            message?: (ringkv.raft.IMessage|null);

            /** SnapshotChunk totalBytes */
            totalBytes?: (number|null);

            /** SnapshotChunk offset */
            offset?: (number|null);

            /** SnapshotChunk data */
            data?: (Uint8Array|null);

            /** SnapshotChunk last */
            last?: (boolean|null);
        }

        /** Represents a SnapshotChunk. */
        class SnapshotChunk implements ISnapshotChunk {

            /**
             * Constructs a new SnapshotChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.ISnapshotChunk);

            /** SnapshotChunk group. */
            public group: string;

            /** SnapshotChunk message. */
            public message?: (ringkv.raft.IMessage|null);

            /** SnapshotChunk totalBytes. */
            public totalBytes: number;

            /** SnapshotChunk offset. */
            public offset: number;

            /** SnapshotChunk data. */
            public data: Uint8Array;

            /** SnapshotChunk last. */
            public last: boolean;

            /**
             * Creates a new SnapshotChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotChunk instance
             */
            public static create(properties?: ringkv.raft.ISnapshotChunk): ringkv.raft.SnapshotChunk;

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link ringkv.raft.SnapshotChunk.verify|verify} messages.
             * @param message SnapshotChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.ISnapshotChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.SnapshotChunk;

            /**
             * Verifies a SnapshotChunk message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotChunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotChunk
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.SnapshotChunk;

            /**
             * Creates a plain object from a SnapshotChunk message. Also converts values to other types if specified.
             * @param message SnapshotChunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.SnapshotChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotChunk to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a SnapshotAck. */
        interface ISnapshotAck {

            /** SnapshotAck receivedBytes */
            receivedBytes?: (number|null);
        }

        /** Represents a SnapshotAck. */
        class SnapshotAck implements ISnapshotAck {

            /**
             * Constructs a new SnapshotAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.raft.ISnapshotAck);

            /** SnapshotAck receivedBytes. */
            public receivedBytes: number;

            /**
             * Creates a new SnapshotAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotAck instance
             */
            public static create(properties?: ringkv.raft.ISnapshotAck): ringkv.raft.SnapshotAck;

            /**
             * Encodes the specified SnapshotAck message. Does not implicitly {@link ringkv.raft.SnapshotAck.verify|verify} messages.
             * @param message SnapshotAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.raft.ISnapshotAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.raft.SnapshotAck;

            /**
             * Verifies a SnapshotAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SnapshotAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SnapshotAck
             */
            public static fromObject(object: { [k: string]: any }): ringkv.raft.SnapshotAck;

            /**
             * Creates a plain object from a SnapshotAck message. Also converts values to other types if specified.
             * @param message SnapshotAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.raft.SnapshotAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SnapshotAck to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace watch. */
    namespace watch {

        /** Properties of a KeyRecord. */
        interface IKeyRecord {

            /** KeyRecord key */
            key?: (Uint8Array|null);

            /** KeyRecord value */
            value?: (Uint8Array|null);

            /** KeyRecord createRevision */
            createRevision?: (number|null);

            /** KeyRecord modRevision */
            modRevision?: (number|null);

            /** KeyRecord writes */
            writes?: (number|null);

            /** KeyRecord lease */
            lease?: (number|null);
        }

        /** Represents a KeyRecord. */
        class KeyRecord implements IKeyRecord {

            /**
             * Constructs a new KeyRecord.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IKeyRecord);

            /** KeyRecord key. */
            public key: Uint8Array;

            /** KeyRecord value. */
            public value: Uint8Array;

            /** KeyRecord createRevision. */
            public createRevision: number;

            /** KeyRecord modRevision. */
            public modRevision: number;

            /** KeyRecord writes. */
            public writes: number;

            /** KeyRecord lease. */
            public lease: number;

            /**
             * Creates a new KeyRecord instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KeyRecord instance
             */
            public static create(properties?: ringkv.watch.IKeyRecord): ringkv.watch.KeyRecord;

            /**
             * Encodes the specified KeyRecord message. Does not implicitly {@link ringkv.watch.KeyRecord.verify|verify} messages.
             * @param message KeyRecord message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IKeyRecord, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KeyRecord message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns KeyRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.KeyRecord;

            /**
             * Verifies a KeyRecord message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KeyRecord message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KeyRecord
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.KeyRecord;

            /**
             * Creates a plain object from a KeyRecord message. Also converts values to other types if specified.
             * @param message KeyRecord
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.KeyRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KeyRecord to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an Event. */
        interface IEvent {

            /** Event type */
            type?: (ringkv.watch.Event.Type|null);

            /** Event kv */
            kv?: (ringkv.watch.IKeyRecord|null);

            /** Event prevKv */
            prevKv?: (ringkv.watch.IKeyRecord|null);
        }

        /** Represents an Event. */
        class Event implements IEvent {

            /**
             * Constructs a new Event.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IEvent);

            /** Event type. */
            public type: ringkv.watch.Event.Type;

            /** Event kv. */
            public kv?: (ringkv.watch.IKeyRecord|null);

            /** Event prevKv. */
            public prevKv?: (ringkv.watch.IKeyRecord|null);

            /**
             * Creates a new Event instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Event instance
             */
            public static create(properties?: ringkv.watch.IEvent): ringkv.watch.Event;

            /**
             * Encodes the specified Event message. Does not implicitly {@link ringkv.watch.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IEvent, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.Event;

            /**
             * Verifies an Event message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Event
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.Event;

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @param message Event
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Event to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        namespace Event {

            /** Type enum. */
            enum Type {
                PUT = 0,
                DELETE = 1
            }
        }

        /** Properties of a WatchRequest. */
        interface IWatchRequest {

            /** WatchRequest key */
            key?: (Uint8Array|null);

            /** WatchRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** WatchRequest startRevision */
            startRevision?: (number|null);

            /** WatchRequest prevKv */
            prevKv?: (boolean|null);

            /** WatchRequest noPut */
            noPut?: (boolean|null);

            /** WatchRequest noDelete */
            noDelete?: (boolean|null);

            /** WatchRequest progressNotify */
            progressNotify?: (boolean|null);
        }

        /** Represents a WatchRequest. */
        class WatchRequest implements IWatchRequest {

            /**
             * Constructs a new WatchRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IWatchRequest);

            /** WatchRequest key. */
            public key: Uint8Array;

            /** WatchRequest rangeEnd. */
            public rangeEnd?: (Uint8Array|null);

            /** WatchRequest startRevision. */
            public startRevision: number;

            /** WatchRequest prevKv. */
            public prevKv: boolean;

            /** WatchRequest noPut. */
            public noPut: boolean;

            /** WatchRequest noDelete. */
            public noDelete: boolean;

            /** WatchRequest progressNotify. */
            public progressNotify: boolean;

            /**
             * Creates a new WatchRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WatchRequest instance
             */
            public static create(properties?: ringkv.watch.IWatchRequest): ringkv.watch.WatchRequest;

            /**
             * Encodes the specified WatchRequest message. Does not implicitly {@link ringkv.watch.WatchRequest.verify|verify} messages.
             * @param message WatchRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IWatchRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WatchRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.WatchRequest;

            /**
             * Verifies a WatchRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WatchRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WatchRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.WatchRequest;

            /**
             * Creates a plain object from a WatchRequest message. Also converts values to other types if specified.
             * @param message WatchRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.WatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WatchRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a WatchResponse. */
        interface IWatchResponse {

            /** WatchResponse events */
            events?: (ringkv.watch.IEvent[]|null);

            /** WatchResponse revision */
            revision?: (number|null);
        }

        /** Represents a WatchResponse. */
        class WatchResponse implements IWatchResponse {

            /**
             * Constructs a new WatchResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IWatchResponse);

            /** WatchResponse events. */
            public events: ringkv.watch.IEvent[];

            /** WatchResponse revision. */
            public revision: number;

            /**
             * Creates a new WatchResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WatchResponse instance
             */
            public static create(properties?: ringkv.watch.IWatchResponse): ringkv.watch.WatchResponse;

            /**
             * Encodes the specified WatchResponse message. Does not implicitly {@link ringkv.watch.WatchResponse.verify|verify} messages.
             * @param message WatchResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IWatchResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WatchResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.WatchResponse;

            /**
             * Verifies a WatchResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WatchResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WatchResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.WatchResponse;

            /**
             * Creates a plain object from a WatchResponse message. Also converts values to other types if specified.
             * @param message WatchResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.WatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WatchResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ShardWatchRequest. */
        interface IShardWatchRequest {

            /** ShardWatchRequest shard */
            shard?: (number|null);

            /** ShardWatchRequest fromRevision */
            fromRevision?: (number|null);
        }

        /** Represents a ShardWatchRequest. */
        class ShardWatchRequest implements IShardWatchRequest {

            /**
             * Constructs a new ShardWatchRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IShardWatchRequest);

            /** ShardWatchRequest shard. */
            public shard: number;

            /** ShardWatchRequest fromRevision. */
            public fromRevision: number;

            /**
             * Creates a new ShardWatchRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShardWatchRequest instance
             */
            public static create(properties?: ringkv.watch.IShardWatchRequest): ringkv.watch.ShardWatchRequest;

            /**
             * Encodes the specified ShardWatchRequest message. Does not implicitly {@link ringkv.watch.ShardWatchRequest.verify|verify} messages.
             * @param message ShardWatchRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IShardWatchRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShardWatchRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ShardWatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.ShardWatchRequest;

            /**
             * Verifies a ShardWatchRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ShardWatchRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShardWatchRequest
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.ShardWatchRequest;

            /**
             * Creates a plain object from a ShardWatchRequest message. Also converts values to other types if specified.
             * @param message ShardWatchRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.ShardWatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShardWatchRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ShardWatchResponse. */
        interface IShardWatchResponse {

            /** ShardWatchResponse events */
            events?: (ringkv.watch.IEvent[]|null);

            /** ShardWatchResponse progress */
            progress?: (number|null);
        }

        /** Represents a ShardWatchResponse. */
        class ShardWatchResponse implements IShardWatchResponse {

            /**
             * Constructs a new ShardWatchResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ringkv.watch.IShardWatchResponse);

            /** ShardWatchResponse events. */
            public events: ringkv.watch.IEvent[];

            /** ShardWatchResponse progress. */
            public progress: number;

            /**
             * Creates a new ShardWatchResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShardWatchResponse instance
             */
            public static create(properties?: ringkv.watch.IShardWatchResponse): ringkv.watch.ShardWatchResponse;

            /**
             * Encodes the specified ShardWatchResponse message. Does not implicitly {@link ringkv.watch.ShardWatchResponse.verify|verify} messages.
             * @param message ShardWatchResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: ringkv.watch.IShardWatchResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShardWatchResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ShardWatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ringkv.watch.ShardWatchResponse;

            /**
             * Verifies a ShardWatchResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ShardWatchResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShardWatchResponse
             */
            public static fromObject(object: { [k: string]: any }): ringkv.watch.ShardWatchResponse;

            /**
             * Creates a plain object from a ShardWatchResponse message. Also converts values to other types if specified.
             * @param message ShardWatchResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: ringkv.watch.ShardWatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShardWatchResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }
}
