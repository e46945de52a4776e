import * as $protobuf from "protobufjs";
/** Namespace authpb. */
export namespace authpb {

    /** Properties of a UserAddOptions. */
    interface IUserAddOptions {

        /** UserAddOptions noPassword */
        noPassword?: (boolean|null);
    }

    /** Represents a UserAddOptions. */
    class UserAddOptions implements IUserAddOptions {

        /**
         * Constructs a new UserAddOptions.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.IUserAddOptions);

        /** UserAddOptions noPassword. */
        public noPassword: boolean;

        /**
         * Creates a new UserAddOptions instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UserAddOptions instance
         */
        public static create(properties?: authpb.IUserAddOptions): authpb.UserAddOptions;

        /**
         * Encodes the specified UserAddOptions message. Does not implicitly {@link authpb.UserAddOptions.verify|verify} messages.
         * @param message UserAddOptions message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: authpb.IUserAddOptions, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a UserAddOptions message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns UserAddOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.UserAddOptions;

        /**
         * Verifies a UserAddOptions message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a UserAddOptions message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns UserAddOptions
         */
        public static fromObject(object: { [k: string]: any }): authpb.UserAddOptions;

        /**
         * Creates a plain object from a UserAddOptions message. Also converts values to other types if specified.
         * @param message UserAddOptions
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: authpb.UserAddOptions, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this UserAddOptions to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a User. */
    interface IUser {

        /** User name */
        name?: (Uint8Array|null);

        /** User password */
        password?: (Uint8Array|null);

        /** User roles */
        roles?: (string[]|null);

        /** User options */
        options?: (authpb.IUserAddOptions|null);
    }

    /** Represents a User. */
    class User implements IUser {

        /**
         * Constructs a new User.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.IUser);

        /** User name. */
        public name: Uint8Array;

        /** User password. */
        public password: Uint8Array;

        /** User roles. */
        public roles: string[];

        /** User options. */
        public options?: (authpb.IUserAddOptions|null);

        /**
         * Creates a new User instance using the specified properties.
         * @param [properties] Properties to set
         * @returns User instance
         */
        public static create(properties?: authpb.IUser): authpb.User;

        /**
         * Encodes the specified User message. Does not implicitly {@link authpb.User.verify|verify} messages.
         * @param message User message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: authpb.IUser, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a User message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns User
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.User;

        /**
         * Verifies a User message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a User message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns User
         */
        public static fromObject(object: { [k: string]: any }): authpb.User;

        /**
         * Creates a plain object from a User message. Also converts values to other types if specified.
         * @param message User
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: authpb.User, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this User to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a Permission. */
    interface IPermission {

        /** Permission permType */
        permType?: (authpb.Permission.Type|null);

        /** Permission key */
        key?: (Uint8Array|null);

        /** Permission rangeEnd */
        rangeEnd?: (Uint8Array|null);
    }

    /** Represents a Permission. */
    class Permission implements IPermission {

        /**
         * Constructs a new Permission.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.IPermission);

        /** Permission permType. */
        public permType: authpb.Permission.Type;

        /** Permission key. */
        public key: Uint8Array;

        /** Permission rangeEnd. */
        public rangeEnd: Uint8Array;

        /**
         * Creates a new Permission instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Permission instance
         */
        public static create(properties?: authpb.IPermission): authpb.Permission;

        /**
         * Encodes the specified Permission message. Does not implicitly {@link authpb.Permission.verify|verify} messages.
         * @param message Permission message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: authpb.IPermission, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Permission message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns Permission
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.Permission;

        /**
         * Verifies a Permission message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Permission message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Permission
         */
        public static fromObject(object: { [k: string]: any }): authpb.Permission;

        /**
         * Creates a plain object from a Permission message. Also converts values to other types if specified.
         * @param message Permission
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: authpb.Permission, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Permission to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace Permission {

        /** Type enum. */
        enum Type {
            Read = 0,
            Write = 1,
            Readwrite = 2
        }
    }

    /** Properties of a Role. */
    interface IRole {

        /** Role name */
        name?: (Uint8Array|null);

        /** Role keyPermission */
        keyPermission?: (authpb.IPermission[]|null);
    }

    /** Represents a Role. */
    class Role implements IRole {

        /**
         * Constructs a new Role.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.IRole);

        /** Role name. */
        public name: Uint8Array;

        /** Role keyPermission. */
        public keyPermission: authpb.IPermission[];

        /**
         * Creates a new Role instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Role instance
         */
        public static create(properties?: authpb.IRole): authpb.Role;

        /**
         * Encodes the specified Role message. Does not implicitly {@link authpb.Role.verify|verify} messages.
         * @param message Role message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: authpb.IRole, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Role message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns Role
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.Role;

        /**
         * Verifies a Role message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Role message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Role
         */
        public static fromObject(object: { [k: string]: any }): authpb.Role;

        /**
         * Creates a plain object from a Role message. Also converts values to other types if specified.
         * @param message Role
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: authpb.Role, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Role to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }
}

/** Namespace mvccpb. */
export namespace mvccpb {

    /** Properties of a KeyValue. */
    interface IKeyValue {

        /** KeyValue key */
        key?: (Uint8Array|null);

        /** KeyValue createRevision */
        createRevision?: (number|null);

        /** KeyValue modRevision */
        modRevision?: (number|null);

        /** KeyValue version */
        version?: (number|null);

        /** KeyValue value */
        value?: (Uint8Array|null);

        /** KeyValue lease */
        lease?: (number|null);
    }

    /** Represents a KeyValue. */
    class KeyValue implements IKeyValue {

        /**
         * Constructs a new KeyValue.
         * @param [properties] Properties to set
         */
        constructor(properties?: mvccpb.IKeyValue);

        /** KeyValue key. */
        public key: Uint8Array;

        /** KeyValue createRevision. */
        public createRevision: number;

        /** KeyValue modRevision. */
        public modRevision: number;

        /** KeyValue version. */
        public version: number;

        /** KeyValue value. */
        public value: Uint8Array;

        /** KeyValue lease. */
        public lease: number;

        /**
         * Creates a new KeyValue instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeyValue instance
         */
        public static create(properties?: mvccpb.IKeyValue): mvccpb.KeyValue;

        /**
         * Encodes the specified KeyValue message. Does not implicitly {@link mvccpb.KeyValue.verify|verify} messages.
         * @param message KeyValue message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: mvccpb.IKeyValue, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeyValue message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns KeyValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mvccpb.KeyValue;

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
        public static fromObject(object: { [k: string]: any }): mvccpb.KeyValue;

        /**
         * Creates a plain object from a KeyValue message. Also converts values to other types if specified.
         * @param message KeyValue
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: mvccpb.KeyValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this KeyValue to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an Event. */
    interface IEvent {

        /** Event type */
        type?: (mvccpb.Event.EventType|null);

        /** Event kv */
        kv?: (mvccpb.IKeyValue|null);

        /** Event prevKv */
        prevKv?: (mvccpb.IKeyValue|null);
    }

    /** Represents an Event. */
    class Event implements IEvent {

        /**
         * Constructs a new Event.
         * @param [properties] Properties to set
         */
        constructor(properties?: mvccpb.IEvent);

        /** Event type. */
        public type: mvccpb.Event.EventType;

        /** Event kv. */
        public kv?: (mvccpb.IKeyValue|null);

        /** Event prevKv. */
        public prevKv?: (mvccpb.IKeyValue|null);

        /**
         * Creates a new Event instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Event instance
         */
        public static create(properties?: mvccpb.IEvent): mvccpb.Event;

        /**
         * Encodes the specified Event message. Does not implicitly {@link mvccpb.Event.verify|verify} messages.
         * @param message Event message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: mvccpb.IEvent, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mvccpb.Event;

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
        public static fromObject(object: { [k: string]: any }): mvccpb.Event;

        /**
         * Creates a plain object from an Event message. Also converts values to other types if specified.
         * @param message Event
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: mvccpb.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Event to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace Event {

        /** EventType enum. */
        enum EventType {
            Put = 0,
            Delete = 1
        }
    }
}

/** Namespace etcdserverpb. */
export namespace etcdserverpb {

    /** Properties of a ResponseHeader. */
    interface IResponseHeader {

        /** ResponseHeader clusterId */
        clusterId?: (number|null);

        /** ResponseHeader memberId */
        memberId?: (number|null);

        /** ResponseHeader revision */
        revision?: (number|null);

        /** ResponseHeader raftTerm */
        raftTerm?: (number|null);
    }

    /** Represents a ResponseHeader. */
    class ResponseHeader implements IResponseHeader {

        /**
         * Constructs a new ResponseHeader.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IResponseHeader);

        /** ResponseHeader clusterId. */
        public clusterId: number;

        /** ResponseHeader memberId. */
        public memberId: number;

        /** ResponseHeader revision. */
        public revision: number;

        /** ResponseHeader raftTerm. */
        public raftTerm: number;

        /**
         * Creates a new ResponseHeader instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseHeader instance
         */
        public static create(properties?: etcdserverpb.IResponseHeader): etcdserverpb.ResponseHeader;

        /**
         * Encodes the specified ResponseHeader message. Does not implicitly {@link etcdserverpb.ResponseHeader.verify|verify} messages.
         * @param message ResponseHeader message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IResponseHeader, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseHeader message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns ResponseHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.ResponseHeader;

        /**
         * Verifies a ResponseHeader message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ResponseHeader message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ResponseHeader
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.ResponseHeader;

        /**
         * Creates a plain object from a ResponseHeader message. Also converts values to other types if specified.
         * @param message ResponseHeader
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.ResponseHeader, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResponseHeader to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a RangeRequest. */
    interface IRangeRequest {

        /** RangeRequest key */
        key?: (Uint8Array|null);

        /** RangeRequest rangeEnd */
        rangeEnd?: (Uint8Array|null);

        /** RangeRequest limit */
        limit?: (number|null);

        /** RangeRequest revision */
        revision?: (number|null);

        /** RangeRequest sortOrder */
        sortOrder?: (etcdserverpb.RangeRequest.SortOrder|null);

        /** RangeRequest sortTarget */
        sortTarget?: (etcdserverpb.RangeRequest.SortTarget|null);

        /** RangeRequest serializable */
        serializable?: (boolean|null);

        /** RangeRequest keysOnly */
        keysOnly?: (boolean|null);

        /** RangeRequest countOnly */
        countOnly?: (boolean|null);

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
        constructor(properties?: etcdserverpb.IRangeRequest);

        /** RangeRequest key. */
        public key: Uint8Array;

        /** RangeRequest rangeEnd. */
        public rangeEnd: Uint8Array;

        /** RangeRequest limit. */
        public limit: number;

        /** RangeRequest revision. */
        public revision: number;

        /** RangeRequest sortOrder. */
        public sortOrder: etcdserverpb.RangeRequest.SortOrder;

        /** RangeRequest sortTarget. */
        public sortTarget: etcdserverpb.RangeRequest.SortTarget;

        /** RangeRequest serializable. */
        public serializable: boolean;

        /** RangeRequest keysOnly. */
        public keysOnly: boolean;

        /** RangeRequest countOnly. */
        public countOnly: boolean;

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
        public static create(properties?: etcdserverpb.IRangeRequest): etcdserverpb.RangeRequest;

        /**
         * Encodes the specified RangeRequest message. Does not implicitly {@link etcdserverpb.RangeRequest.verify|verify} messages.
         * @param message RangeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IRangeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns RangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RangeRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.RangeRequest;

        /**
         * Creates a plain object from a RangeRequest message. Also converts values to other types if specified.
         * @param message RangeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.RangeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RangeRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace RangeRequest {

        /** SortOrder enum. */
        enum SortOrder {
            None = 0,
            Ascend = 1,
            Descend = 2
        }

        /** SortTarget enum. */
        enum SortTarget {
            Key = 0,
            Version = 1,
            Create = 2,
            Mod = 3,
            Value = 4
        }
    }

    /** Properties of a RangeResponse. */
    interface IRangeResponse {

        /** RangeResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** RangeResponse kvs */
        kvs?: (mvccpb.IKeyValue[]|null);

        /** RangeResponse more */
        more?: (boolean|null);

        /** RangeResponse count */
        count?: (number|null);
    }

    /** Represents a RangeResponse. */
    class RangeResponse implements IRangeResponse {

        /**
         * Constructs a new RangeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IRangeResponse);

        /** RangeResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** RangeResponse kvs. */
        public kvs: mvccpb.IKeyValue[];

        /** RangeResponse more. */
        public more: boolean;

        /** RangeResponse count. */
        public count: number;

        /**
         * Creates a new RangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RangeResponse instance
         */
        public static create(properties?: etcdserverpb.IRangeResponse): etcdserverpb.RangeResponse;

        /**
         * Encodes the specified RangeResponse message. Does not implicitly {@link etcdserverpb.RangeResponse.verify|verify} messages.
         * @param message RangeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IRangeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns RangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RangeResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.RangeResponse;

        /**
         * Creates a plain object from a RangeResponse message. Also converts values to other types if specified.
         * @param message RangeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.RangeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RangeResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a PutRequest. */
    interface IPutRequest {

        /** PutRequest key */
        key?: (Uint8Array|null);

        /** PutRequest value */
        value?: (Uint8Array|null);

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
        constructor(properties?: etcdserverpb.IPutRequest);

        /** PutRequest key. */
        public key: Uint8Array;

        /** PutRequest value. */
        public value: Uint8Array;

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
        public static create(properties?: etcdserverpb.IPutRequest): etcdserverpb.PutRequest;

        /**
         * Encodes the specified PutRequest message. Does not implicitly {@link etcdserverpb.PutRequest.verify|verify} messages.
         * @param message PutRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IPutRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns PutRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.PutRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.PutRequest;

        /**
         * Creates a plain object from a PutRequest message. Also converts values to other types if specified.
         * @param message PutRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.PutRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PutRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a PutResponse. */
    interface IPutResponse {

        /** PutResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** PutResponse prevKv */
        prevKv?: (mvccpb.IKeyValue|null);
    }

    /** Represents a PutResponse. */
    class PutResponse implements IPutResponse {

        /**
         * Constructs a new PutResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IPutResponse);

        /** PutResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** PutResponse prevKv. */
        public prevKv?: (mvccpb.IKeyValue|null);

        /**
         * Creates a new PutResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PutResponse instance
         */
        public static create(properties?: etcdserverpb.IPutResponse): etcdserverpb.PutResponse;

        /**
         * Encodes the specified PutResponse message. Does not implicitly {@link etcdserverpb.PutResponse.verify|verify} messages.
         * @param message PutResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IPutResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns PutResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.PutResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.PutResponse;

        /**
         * Creates a plain object from a PutResponse message. Also converts values to other types if specified.
         * @param message PutResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.PutResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PutResponse to JSON.
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
        constructor(properties?: etcdserverpb.IDeleteRangeRequest);

        /** DeleteRangeRequest key. */
        public key: Uint8Array;

        /** DeleteRangeRequest rangeEnd. */
        public rangeEnd: Uint8Array;

        /** DeleteRangeRequest prevKv. */
        public prevKv: boolean;

        /**
         * Creates a new DeleteRangeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeRequest instance
         */
        public static create(properties?: etcdserverpb.IDeleteRangeRequest): etcdserverpb.DeleteRangeRequest;

        /**
         * Encodes the specified DeleteRangeRequest message. Does not implicitly {@link etcdserverpb.DeleteRangeRequest.verify|verify} messages.
         * @param message DeleteRangeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDeleteRangeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DeleteRangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DeleteRangeRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DeleteRangeRequest;

        /**
         * Creates a plain object from a DeleteRangeRequest message. Also converts values to other types if specified.
         * @param message DeleteRangeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DeleteRangeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DeleteRangeRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a DeleteRangeResponse. */
    interface IDeleteRangeResponse {

        /** DeleteRangeResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** DeleteRangeResponse deleted */
        deleted?: (number|null);

        /** DeleteRangeResponse prevKvs */
        prevKvs?: (mvccpb.IKeyValue[]|null);
    }

    /** Represents a DeleteRangeResponse. */
    class DeleteRangeResponse implements IDeleteRangeResponse {

        /**
         * Constructs a new DeleteRangeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IDeleteRangeResponse);

        /** DeleteRangeResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** DeleteRangeResponse deleted. */
        public deleted: number;

        /** DeleteRangeResponse prevKvs. */
        public prevKvs: mvccpb.IKeyValue[];

        /**
         * Creates a new DeleteRangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeResponse instance
         */
        public static create(properties?: etcdserverpb.IDeleteRangeResponse): etcdserverpb.DeleteRangeResponse;

        /**
         * Encodes the specified DeleteRangeResponse message. Does not implicitly {@link etcdserverpb.DeleteRangeResponse.verify|verify} messages.
         * @param message DeleteRangeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDeleteRangeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DeleteRangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DeleteRangeResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DeleteRangeResponse;

        /**
         * Creates a plain object from a DeleteRangeResponse message. Also converts values to other types if specified.
         * @param message DeleteRangeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DeleteRangeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DeleteRangeResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a RequestOp. */
    interface IRequestOp {

        /** RequestOp requestRange */
        requestRange?: (etcdserverpb.IRangeRequest|null);

        /** RequestOp requestPut */
        requestPut?: (etcdserverpb.IPutRequest|null);

        /** RequestOp requestDeleteRange */
        requestDeleteRange?: (etcdserverpb.IDeleteRangeRequest|null);

        /** RequestOp requestTxn */
        requestTxn?: (etcdserverpb.ITxnRequest|null);
    }

    /** Represents a RequestOp. */
    class RequestOp implements IRequestOp {

        /**
         * Constructs a new RequestOp.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IRequestOp);

        /** RequestOp requestRange. */
        public requestRange?: (etcdserverpb.IRangeRequest|null);

        /** RequestOp requestPut. */
        public requestPut?: (etcdserverpb.IPutRequest|null);

        /** RequestOp requestDeleteRange. */
        public requestDeleteRange?: (etcdserverpb.IDeleteRangeRequest|null);

        /** RequestOp requestTxn. */
        public requestTxn?: (etcdserverpb.ITxnRequest|null);

        /** RequestOp request. */
        public request?: ("requestRange"|"requestPut"|"requestDeleteRange"|"requestTxn");

        /**
         * Creates a new RequestOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RequestOp instance
         */
        public static create(properties?: etcdserverpb.IRequestOp): etcdserverpb.RequestOp;

        /**
         * Encodes the specified RequestOp message. Does not implicitly {@link etcdserverpb.RequestOp.verify|verify} messages.
         * @param message RequestOp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IRequestOp, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RequestOp message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns RequestOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RequestOp;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.RequestOp;

        /**
         * Creates a plain object from a RequestOp message. Also converts values to other types if specified.
         * @param message RequestOp
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.RequestOp, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RequestOp to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a ResponseOp. */
    interface IResponseOp {

        /** ResponseOp responseRange */
        responseRange?: (etcdserverpb.IRangeResponse|null);

        /** ResponseOp responsePut */
        responsePut?: (etcdserverpb.IPutResponse|null);

        /** ResponseOp responseDeleteRange */
        responseDeleteRange?: (etcdserverpb.IDeleteRangeResponse|null);

        /** ResponseOp responseTxn */
        responseTxn?: (etcdserverpb.ITxnResponse|null);
    }

    /** Represents a ResponseOp. */
    class ResponseOp implements IResponseOp {

        /**
         * Constructs a new ResponseOp.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IResponseOp);

        /** ResponseOp responseRange. */
        public responseRange?: (etcdserverpb.IRangeResponse|null);

        /** ResponseOp responsePut. */
        public responsePut?: (etcdserverpb.IPutResponse|null);

        /** ResponseOp responseDeleteRange. */
        public responseDeleteRange?: (etcdserverpb.IDeleteRangeResponse|null);

        /** ResponseOp responseTxn. */
        public responseTxn?: (etcdserverpb.ITxnResponse|null);

        /** ResponseOp response. */
        public response?: ("responseRange"|"responsePut"|"responseDeleteRange"|"responseTxn");

        /**
         * Creates a new ResponseOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseOp instance
         */
        public static create(properties?: etcdserverpb.IResponseOp): etcdserverpb.ResponseOp;

        /**
         * Encodes the specified ResponseOp message. Does not implicitly {@link etcdserverpb.ResponseOp.verify|verify} messages.
         * @param message ResponseOp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IResponseOp, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseOp message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns ResponseOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.ResponseOp;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.ResponseOp;

        /**
         * Creates a plain object from a ResponseOp message. Also converts values to other types if specified.
         * @param message ResponseOp
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.ResponseOp, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ResponseOp to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a Compare. */
    interface ICompare {

        /** Compare result */
        result?: (etcdserverpb.Compare.CompareResult|null);

        /** Compare target */
        target?: (etcdserverpb.Compare.CompareTarget|null);

        /** Compare key */
        key?: (Uint8Array|null);

        /** Compare version */
        version?: (number|null);

        /** Compare createRevision */
        createRevision?: (number|null);

        /** Compare modRevision */
        modRevision?: (number|null);

        /** Compare value */
        value?: (Uint8Array|null);

        /** Compare lease */
        lease?: (number|null);

        /** Compare rangeEnd */
        rangeEnd?: (Uint8Array|null);
    }

    /** Represents a Compare. */
    class Compare implements ICompare {

        /**
         * Constructs a new Compare.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ICompare);

        /** Compare result. */
        public result: etcdserverpb.Compare.CompareResult;

        /** Compare target. */
        public target: etcdserverpb.Compare.CompareTarget;

        /** Compare key. */
        public key: Uint8Array;

        /** Compare version. */
        public version?: (number|null);

        /** Compare createRevision. */
        public createRevision?: (number|null);

        /** Compare modRevision. */
        public modRevision?: (number|null);

        /** Compare value. */
        public value?: (Uint8Array|null);

        /** Compare lease. */
        public lease?: (number|null);

        /** Compare rangeEnd. */
        public rangeEnd: Uint8Array;

        /** Compare targetUnion. */
        public targetUnion?: ("version"|"createRevision"|"modRevision"|"value"|"lease");

        /**
         * Creates a new Compare instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Compare instance
         */
        public static create(properties?: etcdserverpb.ICompare): etcdserverpb.Compare;

        /**
         * Encodes the specified Compare message. Does not implicitly {@link etcdserverpb.Compare.verify|verify} messages.
         * @param message Compare message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ICompare, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Compare message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns Compare
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.Compare;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.Compare;

        /**
         * Creates a plain object from a Compare message. Also converts values to other types if specified.
         * @param message Compare
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.Compare, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Compare to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace Compare {

        /** CompareResult enum. */
        enum CompareResult {
            Equal = 0,
            Greater = 1,
            Less = 2,
            NotEqual = 3
        }

        /** CompareTarget enum. */
        enum CompareTarget {
            Version = 0,
            Create = 1,
            Mod = 2,
            Value = 3,
            Lease = 4
        }
    }

    /** Properties of a TxnRequest. */
    interface ITxnRequest {

        /** TxnRequest compare */
        compare?: (etcdserverpb.ICompare[]|null);

        /** TxnRequest success */
        success?: (etcdserverpb.IRequestOp[]|null);

        /** TxnRequest failure */
        failure?: (etcdserverpb.IRequestOp[]|null);
    }

    /** Represents a TxnRequest. */
    class TxnRequest implements ITxnRequest {

        /**
         * Constructs a new TxnRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ITxnRequest);

        /** TxnRequest compare. */
        public compare: etcdserverpb.ICompare[];

        /** TxnRequest success. */
        public success: etcdserverpb.IRequestOp[];

        /** TxnRequest failure. */
        public failure: etcdserverpb.IRequestOp[];

        /**
         * Creates a new TxnRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnRequest instance
         */
        public static create(properties?: etcdserverpb.ITxnRequest): etcdserverpb.TxnRequest;

        /**
         * Encodes the specified TxnRequest message. Does not implicitly {@link etcdserverpb.TxnRequest.verify|verify} messages.
         * @param message TxnRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ITxnRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns TxnRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.TxnRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.TxnRequest;

        /**
         * Creates a plain object from a TxnRequest message. Also converts values to other types if specified.
         * @param message TxnRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.TxnRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TxnRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a TxnResponse. */
    interface ITxnResponse {

        /** TxnResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** TxnResponse succeeded */
        succeeded?: (boolean|null);

        /** TxnResponse responses */
        responses?: (etcdserverpb.IResponseOp[]|null);
    }

    /** Represents a TxnResponse. */
    class TxnResponse implements ITxnResponse {

        /**
         * Constructs a new TxnResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ITxnResponse);

        /** TxnResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** TxnResponse succeeded. */
        public succeeded: boolean;

        /** TxnResponse responses. */
        public responses: etcdserverpb.IResponseOp[];

        /**
         * Creates a new TxnResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnResponse instance
         */
        public static create(properties?: etcdserverpb.ITxnResponse): etcdserverpb.TxnResponse;

        /**
         * Encodes the specified TxnResponse message. Does not implicitly {@link etcdserverpb.TxnResponse.verify|verify} messages.
         * @param message TxnResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ITxnResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns TxnResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.TxnResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.TxnResponse;

        /**
         * Creates a plain object from a TxnResponse message. Also converts values to other types if specified.
         * @param message TxnResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.TxnResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TxnResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a CompactionRequest. */
    interface ICompactionRequest {

        /** CompactionRequest revision */
        revision?: (number|null);

        /** CompactionRequest physical */
        physical?: (boolean|null);
    }

    /** Represents a CompactionRequest. */
    class CompactionRequest implements ICompactionRequest {

        /**
         * Constructs a new CompactionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ICompactionRequest);

        /** CompactionRequest revision. */
        public revision: number;

        /** CompactionRequest physical. */
        public physical: boolean;

        /**
         * Creates a new CompactionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionRequest instance
         */
        public static create(properties?: etcdserverpb.ICompactionRequest): etcdserverpb.CompactionRequest;

        /**
         * Encodes the specified CompactionRequest message. Does not implicitly {@link etcdserverpb.CompactionRequest.verify|verify} messages.
         * @param message CompactionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ICompactionRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns CompactionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.CompactionRequest;

        /**
         * Verifies a CompactionRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CompactionRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CompactionRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.CompactionRequest;

        /**
         * Creates a plain object from a CompactionRequest message. Also converts values to other types if specified.
         * @param message CompactionRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.CompactionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CompactionRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a CompactionResponse. */
    interface ICompactionResponse {

        /** CompactionResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents a CompactionResponse. */
    class CompactionResponse implements ICompactionResponse {

        /**
         * Constructs a new CompactionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ICompactionResponse);

        /** CompactionResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new CompactionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionResponse instance
         */
        public static create(properties?: etcdserverpb.ICompactionResponse): etcdserverpb.CompactionResponse;

        /**
         * Encodes the specified CompactionResponse message. Does not implicitly {@link etcdserverpb.CompactionResponse.verify|verify} messages.
         * @param message CompactionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ICompactionResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns CompactionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.CompactionResponse;

        /**
         * Verifies a CompactionResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a CompactionResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CompactionResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.CompactionResponse;

        /**
         * Creates a plain object from a CompactionResponse message. Also converts values to other types if specified.
         * @param message CompactionResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.CompactionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CompactionResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a HashRequest. */
    interface IHashRequest {
    }

    /** Represents a HashRequest. */
    class HashRequest implements IHashRequest {

        /**
         * Constructs a new HashRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IHashRequest);

        /**
         * Creates a new HashRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashRequest instance
         */
        public static create(properties?: etcdserverpb.IHashRequest): etcdserverpb.HashRequest;

        /**
         * Encodes the specified HashRequest message. Does not implicitly {@link etcdserverpb.HashRequest.verify|verify} messages.
         * @param message HashRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IHashRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns HashRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashRequest;

        /**
         * Verifies a HashRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HashRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HashRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.HashRequest;

        /**
         * Creates a plain object from a HashRequest message. Also converts values to other types if specified.
         * @param message HashRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.HashRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a HashKVRequest. */
    interface IHashKVRequest {

        /** HashKVRequest revision */
        revision?: (number|null);
    }

    /** Represents a HashKVRequest. */
    class HashKVRequest implements IHashKVRequest {

        /**
         * Constructs a new HashKVRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IHashKVRequest);

        /** HashKVRequest revision. */
        public revision: number;

        /**
         * Creates a new HashKVRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVRequest instance
         */
        public static create(properties?: etcdserverpb.IHashKVRequest): etcdserverpb.HashKVRequest;

        /**
         * Encodes the specified HashKVRequest message. Does not implicitly {@link etcdserverpb.HashKVRequest.verify|verify} messages.
         * @param message HashKVRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IHashKVRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns HashKVRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashKVRequest;

        /**
         * Verifies a HashKVRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HashKVRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HashKVRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.HashKVRequest;

        /**
         * Creates a plain object from a HashKVRequest message. Also converts values to other types if specified.
         * @param message HashKVRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.HashKVRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashKVRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a HashKVResponse. */
    interface IHashKVResponse {

        /** HashKVResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** HashKVResponse hash */
        hash?: (number|null);

        /** HashKVResponse compactRevision */
        compactRevision?: (number|null);
    }

    /** Represents a HashKVResponse. */
    class HashKVResponse implements IHashKVResponse {

        /**
         * Constructs a new HashKVResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IHashKVResponse);

        /** HashKVResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** HashKVResponse hash. */
        public hash: number;

        /** HashKVResponse compactRevision. */
        public compactRevision: number;

        /**
         * Creates a new HashKVResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVResponse instance
         */
        public static create(properties?: etcdserverpb.IHashKVResponse): etcdserverpb.HashKVResponse;

        /**
         * Encodes the specified HashKVResponse message. Does not implicitly {@link etcdserverpb.HashKVResponse.verify|verify} messages.
         * @param message HashKVResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IHashKVResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns HashKVResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashKVResponse;

        /**
         * Verifies a HashKVResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HashKVResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HashKVResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.HashKVResponse;

        /**
         * Creates a plain object from a HashKVResponse message. Also converts values to other types if specified.
         * @param message HashKVResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.HashKVResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashKVResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a HashResponse. */
    interface IHashResponse {

        /** HashResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** HashResponse hash */
        hash?: (number|null);
    }

    /** Represents a HashResponse. */
    class HashResponse implements IHashResponse {

        /**
         * Constructs a new HashResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IHashResponse);

        /** HashResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** HashResponse hash. */
        public hash: number;

        /**
         * Creates a new HashResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashResponse instance
         */
        public static create(properties?: etcdserverpb.IHashResponse): etcdserverpb.HashResponse;

        /**
         * Encodes the specified HashResponse message. Does not implicitly {@link etcdserverpb.HashResponse.verify|verify} messages.
         * @param message HashResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IHashResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns HashResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashResponse;

        /**
         * Verifies a HashResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a HashResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HashResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.HashResponse;

        /**
         * Creates a plain object from a HashResponse message. Also converts values to other types if specified.
         * @param message HashResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.HashResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HashResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a SnapshotRequest. */
    interface ISnapshotRequest {
    }

    /** Represents a SnapshotRequest. */
    class SnapshotRequest implements ISnapshotRequest {

        /**
         * Constructs a new SnapshotRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ISnapshotRequest);

        /**
         * Creates a new SnapshotRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotRequest instance
         */
        public static create(properties?: etcdserverpb.ISnapshotRequest): etcdserverpb.SnapshotRequest;

        /**
         * Encodes the specified SnapshotRequest message. Does not implicitly {@link etcdserverpb.SnapshotRequest.verify|verify} messages.
         * @param message SnapshotRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ISnapshotRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns SnapshotRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.SnapshotRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.SnapshotRequest;

        /**
         * Creates a plain object from a SnapshotRequest message. Also converts values to other types if specified.
         * @param message SnapshotRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.SnapshotRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a SnapshotResponse. */
    interface ISnapshotResponse {

        /** SnapshotResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** SnapshotResponse remainingBytes */
        remainingBytes?: (number|null);

        /** SnapshotResponse blob */
        blob?: (Uint8Array|null);
    }

    /** Represents a SnapshotResponse. */
    class SnapshotResponse implements ISnapshotResponse {

        /**
         * Constructs a new SnapshotResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ISnapshotResponse);

        /** SnapshotResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** SnapshotResponse remainingBytes. */
        public remainingBytes: number;

        /** SnapshotResponse blob. */
        public blob: Uint8Array;

        /**
         * Creates a new SnapshotResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotResponse instance
         */
        public static create(properties?: etcdserverpb.ISnapshotResponse): etcdserverpb.SnapshotResponse;

        /**
         * Encodes the specified SnapshotResponse message. Does not implicitly {@link etcdserverpb.SnapshotResponse.verify|verify} messages.
         * @param message SnapshotResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ISnapshotResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns SnapshotResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.SnapshotResponse;

        /**
         * Verifies a SnapshotResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a SnapshotResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SnapshotResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.SnapshotResponse;

        /**
         * Creates a plain object from a SnapshotResponse message. Also converts values to other types if specified.
         * @param message SnapshotResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.SnapshotResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SnapshotResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a WatchRequest. */
    interface IWatchRequest {

        /** WatchRequest createRequest */
        createRequest?: (etcdserverpb.IWatchCreateRequest|null);

        /** WatchRequest cancelRequest */
        cancelRequest?: (etcdserverpb.IWatchCancelRequest|null);

        /** WatchRequest progressRequest */
        progressRequest?: (etcdserverpb.IWatchProgressRequest|null);
    }

    /** Represents a WatchRequest. */
    class WatchRequest implements IWatchRequest {

        /**
         * Constructs a new WatchRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IWatchRequest);

        /** WatchRequest createRequest. */
        public createRequest?: (etcdserverpb.IWatchCreateRequest|null);

        /** WatchRequest cancelRequest. */
        public cancelRequest?: (etcdserverpb.IWatchCancelRequest|null);

        /** WatchRequest progressRequest. */
        public progressRequest?: (etcdserverpb.IWatchProgressRequest|null);

        /** WatchRequest requestUnion. */
        public requestUnion?: ("createRequest"|"cancelRequest"|"progressRequest");

        /**
         * Creates a new WatchRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchRequest instance
         */
        public static create(properties?: etcdserverpb.IWatchRequest): etcdserverpb.WatchRequest;

        /**
         * Encodes the specified WatchRequest message. Does not implicitly {@link etcdserverpb.WatchRequest.verify|verify} messages.
         * @param message WatchRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IWatchRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns WatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.WatchRequest;

        /**
         * Creates a plain object from a WatchRequest message. Also converts values to other types if specified.
         * @param message WatchRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.WatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a WatchCreateRequest. */
    interface IWatchCreateRequest {

        /** WatchCreateRequest key */
        key?: (Uint8Array|null);

        /** WatchCreateRequest rangeEnd */
        rangeEnd?: (Uint8Array|null);

        /** WatchCreateRequest startRevision */
        startRevision?: (number|null);

        /** WatchCreateRequest progressNotify */
        progressNotify?: (boolean|null);

        /** WatchCreateRequest filters */
        filters?: (etcdserverpb.WatchCreateRequest.FilterType[]|null);

        /** WatchCreateRequest prevKv */
        prevKv?: (boolean|null);

        /** WatchCreateRequest watchId */
        watchId?: (number|null);

        /** WatchCreateRequest fragment */
        fragment?: (boolean|null);
    }

    /** Represents a WatchCreateRequest. */
    class WatchCreateRequest implements IWatchCreateRequest {

        /**
         * Constructs a new WatchCreateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IWatchCreateRequest);

        /** WatchCreateRequest key. */
        public key: Uint8Array;

        /** WatchCreateRequest rangeEnd. */
        public rangeEnd: Uint8Array;

        /** WatchCreateRequest startRevision. */
        public startRevision: number;

        /** WatchCreateRequest progressNotify. */
        public progressNotify: boolean;

        /** WatchCreateRequest filters. */
        public filters: etcdserverpb.WatchCreateRequest.FilterType[];

        /** WatchCreateRequest prevKv. */
        public prevKv: boolean;

        /** WatchCreateRequest watchId. */
        public watchId: number;

        /** WatchCreateRequest fragment. */
        public fragment: boolean;

        /**
         * Creates a new WatchCreateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCreateRequest instance
         */
        public static create(properties?: etcdserverpb.IWatchCreateRequest): etcdserverpb.WatchCreateRequest;

        /**
         * Encodes the specified WatchCreateRequest message. Does not implicitly {@link etcdserverpb.WatchCreateRequest.verify|verify} messages.
         * @param message WatchCreateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IWatchCreateRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCreateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns WatchCreateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchCreateRequest;

        /**
         * Verifies a WatchCreateRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a WatchCreateRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WatchCreateRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.WatchCreateRequest;

        /**
         * Creates a plain object from a WatchCreateRequest message. Also converts values to other types if specified.
         * @param message WatchCreateRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.WatchCreateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchCreateRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace WatchCreateRequest {

        /** FilterType enum. */
        enum FilterType {
            Noput = 0,
            Nodelete = 1
        }
    }

    /** Properties of a WatchCancelRequest. */
    interface IWatchCancelRequest {

        /** WatchCancelRequest watchId */
        watchId?: (number|null);
    }

    /** Represents a WatchCancelRequest. */
    class WatchCancelRequest implements IWatchCancelRequest {

        /**
         * Constructs a new WatchCancelRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IWatchCancelRequest);

        /** WatchCancelRequest watchId. */
        public watchId: number;

        /**
         * Creates a new WatchCancelRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCancelRequest instance
         */
        public static create(properties?: etcdserverpb.IWatchCancelRequest): etcdserverpb.WatchCancelRequest;

        /**
         * Encodes the specified WatchCancelRequest message. Does not implicitly {@link etcdserverpb.WatchCancelRequest.verify|verify} messages.
         * @param message WatchCancelRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IWatchCancelRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCancelRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns WatchCancelRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchCancelRequest;

        /**
         * Verifies a WatchCancelRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a WatchCancelRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WatchCancelRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.WatchCancelRequest;

        /**
         * Creates a plain object from a WatchCancelRequest message. Also converts values to other types if specified.
         * @param message WatchCancelRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.WatchCancelRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchCancelRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a WatchProgressRequest. */
    interface IWatchProgressRequest {
    }

    /** Represents a WatchProgressRequest. */
    class WatchProgressRequest implements IWatchProgressRequest {

        /**
         * Constructs a new WatchProgressRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IWatchProgressRequest);

        /**
         * Creates a new WatchProgressRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchProgressRequest instance
         */
        public static create(properties?: etcdserverpb.IWatchProgressRequest): etcdserverpb.WatchProgressRequest;

        /**
         * Encodes the specified WatchProgressRequest message. Does not implicitly {@link etcdserverpb.WatchProgressRequest.verify|verify} messages.
         * @param message WatchProgressRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IWatchProgressRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchProgressRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns WatchProgressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchProgressRequest;

        /**
         * Verifies a WatchProgressRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a WatchProgressRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns WatchProgressRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.WatchProgressRequest;

        /**
         * Creates a plain object from a WatchProgressRequest message. Also converts values to other types if specified.
         * @param message WatchProgressRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.WatchProgressRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchProgressRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a WatchResponse. */
    interface IWatchResponse {

        /** WatchResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** WatchResponse watchId */
        watchId?: (number|null);

        /** WatchResponse created */
        created?: (boolean|null);

        /** WatchResponse canceled */
        canceled?: (boolean|null);

        /** WatchResponse compactRevision */
        compactRevision?: (number|null);

        /** WatchResponse cancelReason */
        cancelReason?: (string|null);

        /** WatchResponse fragment */
        fragment?: (boolean|null);

        /** WatchResponse events */
        events?: (mvccpb.IEvent[]|null);
    }

    /** Represents a WatchResponse. */
    class WatchResponse implements IWatchResponse {

        /**
         * Constructs a new WatchResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IWatchResponse);

        /** WatchResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** WatchResponse watchId. */
        public watchId: number;

        /** WatchResponse created. */
        public created: boolean;

        /** WatchResponse canceled. */
        public canceled: boolean;

        /** WatchResponse compactRevision. */
        public compactRevision: number;

        /** WatchResponse cancelReason. */
        public cancelReason: string;

        /** WatchResponse fragment. */
        public fragment: boolean;

        /** WatchResponse events. */
        public events: mvccpb.IEvent[];

        /**
         * Creates a new WatchResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchResponse instance
         */
        public static create(properties?: etcdserverpb.IWatchResponse): etcdserverpb.WatchResponse;

        /**
         * Encodes the specified WatchResponse message. Does not implicitly {@link etcdserverpb.WatchResponse.verify|verify} messages.
         * @param message WatchResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IWatchResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns WatchResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.WatchResponse;

        /**
         * Creates a plain object from a WatchResponse message. Also converts values to other types if specified.
         * @param message WatchResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.WatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this WatchResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseGrantRequest. */
    interface ILeaseGrantRequest {

        /** LeaseGrantRequest TTL */
        TTL?: (number|null);

        /** LeaseGrantRequest ID */
        ID?: (number|null);
    }

    /** Represents a LeaseGrantRequest. */
    class LeaseGrantRequest implements ILeaseGrantRequest {

        /**
         * Constructs a new LeaseGrantRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseGrantRequest);

        /** LeaseGrantRequest TTL. */
        public TTL: number;

        /** LeaseGrantRequest ID. */
        public ID: number;

        /**
         * Creates a new LeaseGrantRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseGrantRequest): etcdserverpb.LeaseGrantRequest;

        /**
         * Encodes the specified LeaseGrantRequest message. Does not implicitly {@link etcdserverpb.LeaseGrantRequest.verify|verify} messages.
         * @param message LeaseGrantRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseGrantRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseGrantRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseGrantRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseGrantRequest;

        /**
         * Creates a plain object from a LeaseGrantRequest message. Also converts values to other types if specified.
         * @param message LeaseGrantRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseGrantRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseGrantRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseGrantResponse. */
    interface ILeaseGrantResponse {

        /** LeaseGrantResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseGrantResponse ID */
        ID?: (number|null);

        /** LeaseGrantResponse TTL */
        TTL?: (number|null);

        /** LeaseGrantResponse error */
        error?: (string|null);
    }

    /** Represents a LeaseGrantResponse. */
    class LeaseGrantResponse implements ILeaseGrantResponse {

        /**
         * Constructs a new LeaseGrantResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseGrantResponse);

        /** LeaseGrantResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseGrantResponse ID. */
        public ID: number;

        /** LeaseGrantResponse TTL. */
        public TTL: number;

        /** LeaseGrantResponse error. */
        public error: string;

        /**
         * Creates a new LeaseGrantResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseGrantResponse): etcdserverpb.LeaseGrantResponse;

        /**
         * Encodes the specified LeaseGrantResponse message. Does not implicitly {@link etcdserverpb.LeaseGrantResponse.verify|verify} messages.
         * @param message LeaseGrantResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseGrantResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseGrantResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseGrantResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseGrantResponse;

        /**
         * Creates a plain object from a LeaseGrantResponse message. Also converts values to other types if specified.
         * @param message LeaseGrantResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseGrantResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseGrantResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseRevokeRequest. */
    interface ILeaseRevokeRequest {

        /** LeaseRevokeRequest ID */
        ID?: (number|null);
    }

    /** Represents a LeaseRevokeRequest. */
    class LeaseRevokeRequest implements ILeaseRevokeRequest {

        /**
         * Constructs a new LeaseRevokeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseRevokeRequest);

        /** LeaseRevokeRequest ID. */
        public ID: number;

        /**
         * Creates a new LeaseRevokeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseRevokeRequest): etcdserverpb.LeaseRevokeRequest;

        /**
         * Encodes the specified LeaseRevokeRequest message. Does not implicitly {@link etcdserverpb.LeaseRevokeRequest.verify|verify} messages.
         * @param message LeaseRevokeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseRevokeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseRevokeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseRevokeRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseRevokeRequest;

        /**
         * Creates a plain object from a LeaseRevokeRequest message. Also converts values to other types if specified.
         * @param message LeaseRevokeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseRevokeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseRevokeRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseRevokeResponse. */
    interface ILeaseRevokeResponse {

        /** LeaseRevokeResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents a LeaseRevokeResponse. */
    class LeaseRevokeResponse implements ILeaseRevokeResponse {

        /**
         * Constructs a new LeaseRevokeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseRevokeResponse);

        /** LeaseRevokeResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new LeaseRevokeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseRevokeResponse): etcdserverpb.LeaseRevokeResponse;

        /**
         * Encodes the specified LeaseRevokeResponse message. Does not implicitly {@link etcdserverpb.LeaseRevokeResponse.verify|verify} messages.
         * @param message LeaseRevokeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseRevokeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseRevokeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseRevokeResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseRevokeResponse;

        /**
         * Creates a plain object from a LeaseRevokeResponse message. Also converts values to other types if specified.
         * @param message LeaseRevokeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseRevokeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseRevokeResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseCheckpoint. */
    interface ILeaseCheckpoint {

        /** LeaseCheckpoint ID */
        ID?: (number|null);

        /** LeaseCheckpoint remaining_TTL */
        remaining_TTL?: (number|null);
    }

    /** Represents a LeaseCheckpoint. */
    class LeaseCheckpoint implements ILeaseCheckpoint {

        /**
         * Constructs a new LeaseCheckpoint.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseCheckpoint);

        /** LeaseCheckpoint ID. */
        public ID: number;

        /** LeaseCheckpoint remaining_TTL. */
        public remaining_TTL: number;

        /**
         * Creates a new LeaseCheckpoint instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpoint instance
         */
        public static create(properties?: etcdserverpb.ILeaseCheckpoint): etcdserverpb.LeaseCheckpoint;

        /**
         * Encodes the specified LeaseCheckpoint message. Does not implicitly {@link etcdserverpb.LeaseCheckpoint.verify|verify} messages.
         * @param message LeaseCheckpoint message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseCheckpoint, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpoint message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseCheckpoint
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseCheckpoint;

        /**
         * Verifies a LeaseCheckpoint message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaseCheckpoint message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaseCheckpoint
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseCheckpoint;

        /**
         * Creates a plain object from a LeaseCheckpoint message. Also converts values to other types if specified.
         * @param message LeaseCheckpoint
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseCheckpoint, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpoint to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseCheckpointRequest. */
    interface ILeaseCheckpointRequest {

        /** LeaseCheckpointRequest checkpoints */
        checkpoints?: (etcdserverpb.ILeaseCheckpoint[]|null);
    }

    /** Represents a LeaseCheckpointRequest. */
    class LeaseCheckpointRequest implements ILeaseCheckpointRequest {

        /**
         * Constructs a new LeaseCheckpointRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseCheckpointRequest);

        /** LeaseCheckpointRequest checkpoints. */
        public checkpoints: etcdserverpb.ILeaseCheckpoint[];

        /**
         * Creates a new LeaseCheckpointRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpointRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseCheckpointRequest): etcdserverpb.LeaseCheckpointRequest;

        /**
         * Encodes the specified LeaseCheckpointRequest message. Does not implicitly {@link etcdserverpb.LeaseCheckpointRequest.verify|verify} messages.
         * @param message LeaseCheckpointRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseCheckpointRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpointRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseCheckpointRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseCheckpointRequest;

        /**
         * Verifies a LeaseCheckpointRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaseCheckpointRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaseCheckpointRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseCheckpointRequest;

        /**
         * Creates a plain object from a LeaseCheckpointRequest message. Also converts values to other types if specified.
         * @param message LeaseCheckpointRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseCheckpointRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpointRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseCheckpointResponse. */
    interface ILeaseCheckpointResponse {

        /** LeaseCheckpointResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents a LeaseCheckpointResponse. */
    class LeaseCheckpointResponse implements ILeaseCheckpointResponse {

        /**
         * Constructs a new LeaseCheckpointResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseCheckpointResponse);

        /** LeaseCheckpointResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new LeaseCheckpointResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseCheckpointResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseCheckpointResponse): etcdserverpb.LeaseCheckpointResponse;

        /**
         * Encodes the specified LeaseCheckpointResponse message. Does not implicitly {@link etcdserverpb.LeaseCheckpointResponse.verify|verify} messages.
         * @param message LeaseCheckpointResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseCheckpointResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseCheckpointResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseCheckpointResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseCheckpointResponse;

        /**
         * Verifies a LeaseCheckpointResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaseCheckpointResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaseCheckpointResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseCheckpointResponse;

        /**
         * Creates a plain object from a LeaseCheckpointResponse message. Also converts values to other types if specified.
         * @param message LeaseCheckpointResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseCheckpointResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseCheckpointResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseKeepAliveRequest. */
    interface ILeaseKeepAliveRequest {

        /** LeaseKeepAliveRequest ID */
        ID?: (number|null);
    }

    /** Represents a LeaseKeepAliveRequest. */
    class LeaseKeepAliveRequest implements ILeaseKeepAliveRequest {

        /**
         * Constructs a new LeaseKeepAliveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseKeepAliveRequest);

        /** LeaseKeepAliveRequest ID. */
        public ID: number;

        /**
         * Creates a new LeaseKeepAliveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseKeepAliveRequest): etcdserverpb.LeaseKeepAliveRequest;

        /**
         * Encodes the specified LeaseKeepAliveRequest message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveRequest.verify|verify} messages.
         * @param message LeaseKeepAliveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseKeepAliveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseKeepAliveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseKeepAliveRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseKeepAliveRequest;

        /**
         * Creates a plain object from a LeaseKeepAliveRequest message. Also converts values to other types if specified.
         * @param message LeaseKeepAliveRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseKeepAliveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseKeepAliveRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseKeepAliveResponse. */
    interface ILeaseKeepAliveResponse {

        /** LeaseKeepAliveResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseKeepAliveResponse ID */
        ID?: (number|null);

        /** LeaseKeepAliveResponse TTL */
        TTL?: (number|null);
    }

    /** Represents a LeaseKeepAliveResponse. */
    class LeaseKeepAliveResponse implements ILeaseKeepAliveResponse {

        /**
         * Constructs a new LeaseKeepAliveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseKeepAliveResponse);

        /** LeaseKeepAliveResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseKeepAliveResponse ID. */
        public ID: number;

        /** LeaseKeepAliveResponse TTL. */
        public TTL: number;

        /**
         * Creates a new LeaseKeepAliveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseKeepAliveResponse): etcdserverpb.LeaseKeepAliveResponse;

        /**
         * Encodes the specified LeaseKeepAliveResponse message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveResponse.verify|verify} messages.
         * @param message LeaseKeepAliveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseKeepAliveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseKeepAliveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseKeepAliveResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseKeepAliveResponse;

        /**
         * Creates a plain object from a LeaseKeepAliveResponse message. Also converts values to other types if specified.
         * @param message LeaseKeepAliveResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseKeepAliveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseKeepAliveResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseTimeToLiveRequest. */
    interface ILeaseTimeToLiveRequest {

        /** LeaseTimeToLiveRequest ID */
        ID?: (number|null);

        /** LeaseTimeToLiveRequest keys */
        keys?: (boolean|null);
    }

    /** Represents a LeaseTimeToLiveRequest. */
    class LeaseTimeToLiveRequest implements ILeaseTimeToLiveRequest {

        /**
         * Constructs a new LeaseTimeToLiveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseTimeToLiveRequest);

        /** LeaseTimeToLiveRequest ID. */
        public ID: number;

        /** LeaseTimeToLiveRequest keys. */
        public keys: boolean;

        /**
         * Creates a new LeaseTimeToLiveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseTimeToLiveRequest): etcdserverpb.LeaseTimeToLiveRequest;

        /**
         * Encodes the specified LeaseTimeToLiveRequest message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveRequest.verify|verify} messages.
         * @param message LeaseTimeToLiveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseTimeToLiveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseTimeToLiveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseTimeToLiveRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseTimeToLiveRequest;

        /**
         * Creates a plain object from a LeaseTimeToLiveRequest message. Also converts values to other types if specified.
         * @param message LeaseTimeToLiveRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseTimeToLiveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseTimeToLiveRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseTimeToLiveResponse. */
    interface ILeaseTimeToLiveResponse {

        /** LeaseTimeToLiveResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseTimeToLiveResponse ID */
        ID?: (number|null);

        /** LeaseTimeToLiveResponse TTL */
        TTL?: (number|null);

        /** LeaseTimeToLiveResponse grantedTTL */
        grantedTTL?: (number|null);

        /** LeaseTimeToLiveResponse keys */
        keys?: (Uint8Array[]|null);
    }

    /** Represents a LeaseTimeToLiveResponse. */
    class LeaseTimeToLiveResponse implements ILeaseTimeToLiveResponse {

        /**
         * Constructs a new LeaseTimeToLiveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseTimeToLiveResponse);

        /** LeaseTimeToLiveResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseTimeToLiveResponse ID. */
        public ID: number;

        /** LeaseTimeToLiveResponse TTL. */
        public TTL: number;

        /** LeaseTimeToLiveResponse grantedTTL. */
        public grantedTTL: number;

        /** LeaseTimeToLiveResponse keys. */
        public keys: Uint8Array[];

        /**
         * Creates a new LeaseTimeToLiveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseTimeToLiveResponse): etcdserverpb.LeaseTimeToLiveResponse;

        /**
         * Encodes the specified LeaseTimeToLiveResponse message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveResponse.verify|verify} messages.
         * @param message LeaseTimeToLiveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseTimeToLiveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseTimeToLiveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseTimeToLiveResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseTimeToLiveResponse;

        /**
         * Creates a plain object from a LeaseTimeToLiveResponse message. Also converts values to other types if specified.
         * @param message LeaseTimeToLiveResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseTimeToLiveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

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
        constructor(properties?: etcdserverpb.ILeaseLeasesRequest);

        /**
         * Creates a new LeaseLeasesRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesRequest instance
         */
        public static create(properties?: etcdserverpb.ILeaseLeasesRequest): etcdserverpb.LeaseLeasesRequest;

        /**
         * Encodes the specified LeaseLeasesRequest message. Does not implicitly {@link etcdserverpb.LeaseLeasesRequest.verify|verify} messages.
         * @param message LeaseLeasesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseLeasesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseLeasesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseLeasesRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseLeasesRequest;

        /**
         * Creates a plain object from a LeaseLeasesRequest message. Also converts values to other types if specified.
         * @param message LeaseLeasesRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseLeasesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseLeasesRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseStatus. */
    interface ILeaseStatus {

        /** LeaseStatus ID */
        ID?: (number|null);
    }

    /** Represents a LeaseStatus. */
    class LeaseStatus implements ILeaseStatus {

        /**
         * Constructs a new LeaseStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseStatus);

        /** LeaseStatus ID. */
        public ID: number;

        /**
         * Creates a new LeaseStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseStatus instance
         */
        public static create(properties?: etcdserverpb.ILeaseStatus): etcdserverpb.LeaseStatus;

        /**
         * Encodes the specified LeaseStatus message. Does not implicitly {@link etcdserverpb.LeaseStatus.verify|verify} messages.
         * @param message LeaseStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseStatus, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseStatus;

        /**
         * Verifies a LeaseStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a LeaseStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns LeaseStatus
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseStatus;

        /**
         * Creates a plain object from a LeaseStatus message. Also converts values to other types if specified.
         * @param message LeaseStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseStatus to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a LeaseLeasesResponse. */
    interface ILeaseLeasesResponse {

        /** LeaseLeasesResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseLeasesResponse leases */
        leases?: (etcdserverpb.ILeaseStatus[]|null);
    }

    /** Represents a LeaseLeasesResponse. */
    class LeaseLeasesResponse implements ILeaseLeasesResponse {

        /**
         * Constructs a new LeaseLeasesResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ILeaseLeasesResponse);

        /** LeaseLeasesResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** LeaseLeasesResponse leases. */
        public leases: etcdserverpb.ILeaseStatus[];

        /**
         * Creates a new LeaseLeasesResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesResponse instance
         */
        public static create(properties?: etcdserverpb.ILeaseLeasesResponse): etcdserverpb.LeaseLeasesResponse;

        /**
         * Encodes the specified LeaseLeasesResponse message. Does not implicitly {@link etcdserverpb.LeaseLeasesResponse.verify|verify} messages.
         * @param message LeaseLeasesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.ILeaseLeasesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns LeaseLeasesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseLeasesResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.LeaseLeasesResponse;

        /**
         * Creates a plain object from a LeaseLeasesResponse message. Also converts values to other types if specified.
         * @param message LeaseLeasesResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.LeaseLeasesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LeaseLeasesResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a Member. */
    interface IMember {

        /** Member ID */
        ID?: (number|null);

        /** Member name */
        name?: (string|null);

        /** Member peerURLs */
        peerURLs?: (string[]|null);

        /** Member clientURLs */
        clientURLs?: (string[]|null);

        /** Member isLearner */
        isLearner?: (boolean|null);
    }

    /** Represents a Member. */
    class Member implements IMember {

        /**
         * Constructs a new Member.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMember);

        /** Member ID. */
        public ID: number;

        /** Member name. */
        public name: string;

        /** Member peerURLs. */
        public peerURLs: string[];

        /** Member clientURLs. */
        public clientURLs: string[];

        /** Member isLearner. */
        public isLearner: boolean;

        /**
         * Creates a new Member instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Member instance
         */
        public static create(properties?: etcdserverpb.IMember): etcdserverpb.Member;

        /**
         * Encodes the specified Member message. Does not implicitly {@link etcdserverpb.Member.verify|verify} messages.
         * @param message Member message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMember, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Member message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns Member
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.Member;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.Member;

        /**
         * Creates a plain object from a Member message. Also converts values to other types if specified.
         * @param message Member
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.Member, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Member to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberAddRequest. */
    interface IMemberAddRequest {

        /** MemberAddRequest peerURLs */
        peerURLs?: (string[]|null);

        /** MemberAddRequest isLearner */
        isLearner?: (boolean|null);
    }

    /** Represents a MemberAddRequest. */
    class MemberAddRequest implements IMemberAddRequest {

        /**
         * Constructs a new MemberAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberAddRequest);

        /** MemberAddRequest peerURLs. */
        public peerURLs: string[];

        /** MemberAddRequest isLearner. */
        public isLearner: boolean;

        /**
         * Creates a new MemberAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddRequest instance
         */
        public static create(properties?: etcdserverpb.IMemberAddRequest): etcdserverpb.MemberAddRequest;

        /**
         * Encodes the specified MemberAddRequest message. Does not implicitly {@link etcdserverpb.MemberAddRequest.verify|verify} messages.
         * @param message MemberAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberAddRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberAddRequest;

        /**
         * Verifies a MemberAddRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberAddRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberAddRequest;

        /**
         * Creates a plain object from a MemberAddRequest message. Also converts values to other types if specified.
         * @param message MemberAddRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberAddRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberAddRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberAddResponse. */
    interface IMemberAddResponse {

        /** MemberAddResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** MemberAddResponse member */
        member?: (etcdserverpb.IMember|null);

        /** MemberAddResponse members */
        members?: (etcdserverpb.IMember[]|null);
    }

    /** Represents a MemberAddResponse. */
    class MemberAddResponse implements IMemberAddResponse {

        /**
         * Constructs a new MemberAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberAddResponse);

        /** MemberAddResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** MemberAddResponse member. */
        public member?: (etcdserverpb.IMember|null);

        /** MemberAddResponse members. */
        public members: etcdserverpb.IMember[];

        /**
         * Creates a new MemberAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddResponse instance
         */
        public static create(properties?: etcdserverpb.IMemberAddResponse): etcdserverpb.MemberAddResponse;

        /**
         * Encodes the specified MemberAddResponse message. Does not implicitly {@link etcdserverpb.MemberAddResponse.verify|verify} messages.
         * @param message MemberAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberAddResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberAddResponse;

        /**
         * Verifies a MemberAddResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberAddResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberAddResponse;

        /**
         * Creates a plain object from a MemberAddResponse message. Also converts values to other types if specified.
         * @param message MemberAddResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberAddResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberAddResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberRemoveRequest. */
    interface IMemberRemoveRequest {

        /** MemberRemoveRequest ID */
        ID?: (number|null);
    }

    /** Represents a MemberRemoveRequest. */
    class MemberRemoveRequest implements IMemberRemoveRequest {

        /**
         * Constructs a new MemberRemoveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberRemoveRequest);

        /** MemberRemoveRequest ID. */
        public ID: number;

        /**
         * Creates a new MemberRemoveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveRequest instance
         */
        public static create(properties?: etcdserverpb.IMemberRemoveRequest): etcdserverpb.MemberRemoveRequest;

        /**
         * Encodes the specified MemberRemoveRequest message. Does not implicitly {@link etcdserverpb.MemberRemoveRequest.verify|verify} messages.
         * @param message MemberRemoveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberRemoveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberRemoveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberRemoveRequest;

        /**
         * Verifies a MemberRemoveRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberRemoveRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberRemoveRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberRemoveRequest;

        /**
         * Creates a plain object from a MemberRemoveRequest message. Also converts values to other types if specified.
         * @param message MemberRemoveRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberRemoveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberRemoveRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberRemoveResponse. */
    interface IMemberRemoveResponse {

        /** MemberRemoveResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** MemberRemoveResponse members */
        members?: (etcdserverpb.IMember[]|null);
    }

    /** Represents a MemberRemoveResponse. */
    class MemberRemoveResponse implements IMemberRemoveResponse {

        /**
         * Constructs a new MemberRemoveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberRemoveResponse);

        /** MemberRemoveResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** MemberRemoveResponse members. */
        public members: etcdserverpb.IMember[];

        /**
         * Creates a new MemberRemoveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveResponse instance
         */
        public static create(properties?: etcdserverpb.IMemberRemoveResponse): etcdserverpb.MemberRemoveResponse;

        /**
         * Encodes the specified MemberRemoveResponse message. Does not implicitly {@link etcdserverpb.MemberRemoveResponse.verify|verify} messages.
         * @param message MemberRemoveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberRemoveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberRemoveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberRemoveResponse;

        /**
         * Verifies a MemberRemoveResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberRemoveResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberRemoveResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberRemoveResponse;

        /**
         * Creates a plain object from a MemberRemoveResponse message. Also converts values to other types if specified.
         * @param message MemberRemoveResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberRemoveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberRemoveResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberUpdateRequest. */
    interface IMemberUpdateRequest {

        /** MemberUpdateRequest ID */
        ID?: (number|null);

        /** MemberUpdateRequest peerURLs */
        peerURLs?: (string[]|null);
    }

    /** Represents a MemberUpdateRequest. */
    class MemberUpdateRequest implements IMemberUpdateRequest {

        /**
         * Constructs a new MemberUpdateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberUpdateRequest);

        /** MemberUpdateRequest ID. */
        public ID: number;

        /** MemberUpdateRequest peerURLs. */
        public peerURLs: string[];

        /**
         * Creates a new MemberUpdateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateRequest instance
         */
        public static create(properties?: etcdserverpb.IMemberUpdateRequest): etcdserverpb.MemberUpdateRequest;

        /**
         * Encodes the specified MemberUpdateRequest message. Does not implicitly {@link etcdserverpb.MemberUpdateRequest.verify|verify} messages.
         * @param message MemberUpdateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberUpdateRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberUpdateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberUpdateRequest;

        /**
         * Verifies a MemberUpdateRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberUpdateRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberUpdateRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberUpdateRequest;

        /**
         * Creates a plain object from a MemberUpdateRequest message. Also converts values to other types if specified.
         * @param message MemberUpdateRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberUpdateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberUpdateRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberUpdateResponse. */
    interface IMemberUpdateResponse {

        /** MemberUpdateResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** MemberUpdateResponse members */
        members?: (etcdserverpb.IMember[]|null);
    }

    /** Represents a MemberUpdateResponse. */
    class MemberUpdateResponse implements IMemberUpdateResponse {

        /**
         * Constructs a new MemberUpdateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberUpdateResponse);

        /** MemberUpdateResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** MemberUpdateResponse members. */
        public members: etcdserverpb.IMember[];

        /**
         * Creates a new MemberUpdateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateResponse instance
         */
        public static create(properties?: etcdserverpb.IMemberUpdateResponse): etcdserverpb.MemberUpdateResponse;

        /**
         * Encodes the specified MemberUpdateResponse message. Does not implicitly {@link etcdserverpb.MemberUpdateResponse.verify|verify} messages.
         * @param message MemberUpdateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberUpdateResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberUpdateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberUpdateResponse;

        /**
         * Verifies a MemberUpdateResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberUpdateResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberUpdateResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberUpdateResponse;

        /**
         * Creates a plain object from a MemberUpdateResponse message. Also converts values to other types if specified.
         * @param message MemberUpdateResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberUpdateResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberUpdateResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberListRequest. */
    interface IMemberListRequest {

        /** MemberListRequest linearizable */
        linearizable?: (boolean|null);
    }

    /** Represents a MemberListRequest. */
    class MemberListRequest implements IMemberListRequest {

        /**
         * Constructs a new MemberListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberListRequest);

        /** MemberListRequest linearizable. */
        public linearizable: boolean;

        /**
         * Creates a new MemberListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListRequest instance
         */
        public static create(properties?: etcdserverpb.IMemberListRequest): etcdserverpb.MemberListRequest;

        /**
         * Encodes the specified MemberListRequest message. Does not implicitly {@link etcdserverpb.MemberListRequest.verify|verify} messages.
         * @param message MemberListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberListRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberListRequest;

        /**
         * Verifies a MemberListRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberListRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberListRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberListRequest;

        /**
         * Creates a plain object from a MemberListRequest message. Also converts values to other types if specified.
         * @param message MemberListRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberListRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberListResponse. */
    interface IMemberListResponse {

        /** MemberListResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** MemberListResponse members */
        members?: (etcdserverpb.IMember[]|null);
    }

    /** Represents a MemberListResponse. */
    class MemberListResponse implements IMemberListResponse {

        /**
         * Constructs a new MemberListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberListResponse);

        /** MemberListResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** MemberListResponse members. */
        public members: etcdserverpb.IMember[];

        /**
         * Creates a new MemberListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListResponse instance
         */
        public static create(properties?: etcdserverpb.IMemberListResponse): etcdserverpb.MemberListResponse;

        /**
         * Encodes the specified MemberListResponse message. Does not implicitly {@link etcdserverpb.MemberListResponse.verify|verify} messages.
         * @param message MemberListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberListResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberListResponse;

        /**
         * Verifies a MemberListResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberListResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberListResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberListResponse;

        /**
         * Creates a plain object from a MemberListResponse message. Also converts values to other types if specified.
         * @param message MemberListResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberListResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberPromoteRequest. */
    interface IMemberPromoteRequest {

        /** MemberPromoteRequest ID */
        ID?: (number|null);
    }

    /** Represents a MemberPromoteRequest. */
    class MemberPromoteRequest implements IMemberPromoteRequest {

        /**
         * Constructs a new MemberPromoteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberPromoteRequest);

        /** MemberPromoteRequest ID. */
        public ID: number;

        /**
         * Creates a new MemberPromoteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteRequest instance
         */
        public static create(properties?: etcdserverpb.IMemberPromoteRequest): etcdserverpb.MemberPromoteRequest;

        /**
         * Encodes the specified MemberPromoteRequest message. Does not implicitly {@link etcdserverpb.MemberPromoteRequest.verify|verify} messages.
         * @param message MemberPromoteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberPromoteRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberPromoteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberPromoteRequest;

        /**
         * Verifies a MemberPromoteRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberPromoteRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberPromoteRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberPromoteRequest;

        /**
         * Creates a plain object from a MemberPromoteRequest message. Also converts values to other types if specified.
         * @param message MemberPromoteRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberPromoteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberPromoteRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MemberPromoteResponse. */
    interface IMemberPromoteResponse {

        /** MemberPromoteResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** MemberPromoteResponse members */
        members?: (etcdserverpb.IMember[]|null);
    }

    /** Represents a MemberPromoteResponse. */
    class MemberPromoteResponse implements IMemberPromoteResponse {

        /**
         * Constructs a new MemberPromoteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMemberPromoteResponse);

        /** MemberPromoteResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** MemberPromoteResponse members. */
        public members: etcdserverpb.IMember[];

        /**
         * Creates a new MemberPromoteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteResponse instance
         */
        public static create(properties?: etcdserverpb.IMemberPromoteResponse): etcdserverpb.MemberPromoteResponse;

        /**
         * Encodes the specified MemberPromoteResponse message. Does not implicitly {@link etcdserverpb.MemberPromoteResponse.verify|verify} messages.
         * @param message MemberPromoteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMemberPromoteResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MemberPromoteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberPromoteResponse;

        /**
         * Verifies a MemberPromoteResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MemberPromoteResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MemberPromoteResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MemberPromoteResponse;

        /**
         * Creates a plain object from a MemberPromoteResponse message. Also converts values to other types if specified.
         * @param message MemberPromoteResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MemberPromoteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MemberPromoteResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a DefragmentRequest. */
    interface IDefragmentRequest {
    }

    /** Represents a DefragmentRequest. */
    class DefragmentRequest implements IDefragmentRequest {

        /**
         * Constructs a new DefragmentRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IDefragmentRequest);

        /**
         * Creates a new DefragmentRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentRequest instance
         */
        public static create(properties?: etcdserverpb.IDefragmentRequest): etcdserverpb.DefragmentRequest;

        /**
         * Encodes the specified DefragmentRequest message. Does not implicitly {@link etcdserverpb.DefragmentRequest.verify|verify} messages.
         * @param message DefragmentRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDefragmentRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DefragmentRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DefragmentRequest;

        /**
         * Verifies a DefragmentRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DefragmentRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DefragmentRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DefragmentRequest;

        /**
         * Creates a plain object from a DefragmentRequest message. Also converts values to other types if specified.
         * @param message DefragmentRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DefragmentRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DefragmentRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a DefragmentResponse. */
    interface IDefragmentResponse {

        /** DefragmentResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents a DefragmentResponse. */
    class DefragmentResponse implements IDefragmentResponse {

        /**
         * Constructs a new DefragmentResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IDefragmentResponse);

        /** DefragmentResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new DefragmentResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentResponse instance
         */
        public static create(properties?: etcdserverpb.IDefragmentResponse): etcdserverpb.DefragmentResponse;

        /**
         * Encodes the specified DefragmentResponse message. Does not implicitly {@link etcdserverpb.DefragmentResponse.verify|verify} messages.
         * @param message DefragmentResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDefragmentResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DefragmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DefragmentResponse;

        /**
         * Verifies a DefragmentResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DefragmentResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DefragmentResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DefragmentResponse;

        /**
         * Creates a plain object from a DefragmentResponse message. Also converts values to other types if specified.
         * @param message DefragmentResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DefragmentResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DefragmentResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MoveLeaderRequest. */
    interface IMoveLeaderRequest {

        /** MoveLeaderRequest targetID */
        targetID?: (number|null);
    }

    /** Represents a MoveLeaderRequest. */
    class MoveLeaderRequest implements IMoveLeaderRequest {

        /**
         * Constructs a new MoveLeaderRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMoveLeaderRequest);

        /** MoveLeaderRequest targetID. */
        public targetID: number;

        /**
         * Creates a new MoveLeaderRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderRequest instance
         */
        public static create(properties?: etcdserverpb.IMoveLeaderRequest): etcdserverpb.MoveLeaderRequest;

        /**
         * Encodes the specified MoveLeaderRequest message. Does not implicitly {@link etcdserverpb.MoveLeaderRequest.verify|verify} messages.
         * @param message MoveLeaderRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMoveLeaderRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MoveLeaderRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MoveLeaderRequest;

        /**
         * Verifies a MoveLeaderRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MoveLeaderRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MoveLeaderRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MoveLeaderRequest;

        /**
         * Creates a plain object from a MoveLeaderRequest message. Also converts values to other types if specified.
         * @param message MoveLeaderRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MoveLeaderRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MoveLeaderRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a MoveLeaderResponse. */
    interface IMoveLeaderResponse {

        /** MoveLeaderResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents a MoveLeaderResponse. */
    class MoveLeaderResponse implements IMoveLeaderResponse {

        /**
         * Constructs a new MoveLeaderResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IMoveLeaderResponse);

        /** MoveLeaderResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new MoveLeaderResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderResponse instance
         */
        public static create(properties?: etcdserverpb.IMoveLeaderResponse): etcdserverpb.MoveLeaderResponse;

        /**
         * Encodes the specified MoveLeaderResponse message. Does not implicitly {@link etcdserverpb.MoveLeaderResponse.verify|verify} messages.
         * @param message MoveLeaderResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IMoveLeaderResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns MoveLeaderResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MoveLeaderResponse;

        /**
         * Verifies a MoveLeaderResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a MoveLeaderResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MoveLeaderResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.MoveLeaderResponse;

        /**
         * Creates a plain object from a MoveLeaderResponse message. Also converts values to other types if specified.
         * @param message MoveLeaderResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.MoveLeaderResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MoveLeaderResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** AlarmType enum. */
    enum AlarmType {
        None = 0,
        Nospace = 1,
        Corrupt = 2
    }

    /** Properties of an AlarmRequest. */
    interface IAlarmRequest {

        /** AlarmRequest action */
        action?: (etcdserverpb.AlarmRequest.AlarmAction|null);

        /** AlarmRequest memberID */
        memberID?: (number|null);

        /** AlarmRequest alarm */
        alarm?: (etcdserverpb.AlarmType|null);
    }

    /** Represents an AlarmRequest. */
    class AlarmRequest implements IAlarmRequest {

        /**
         * Constructs a new AlarmRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAlarmRequest);

        /** AlarmRequest action. */
        public action: etcdserverpb.AlarmRequest.AlarmAction;

        /** AlarmRequest memberID. */
        public memberID: number;

        /** AlarmRequest alarm. */
        public alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmRequest instance
         */
        public static create(properties?: etcdserverpb.IAlarmRequest): etcdserverpb.AlarmRequest;

        /**
         * Encodes the specified AlarmRequest message. Does not implicitly {@link etcdserverpb.AlarmRequest.verify|verify} messages.
         * @param message AlarmRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAlarmRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AlarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmRequest;

        /**
         * Verifies an AlarmRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AlarmRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AlarmRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AlarmRequest;

        /**
         * Creates a plain object from an AlarmRequest message. Also converts values to other types if specified.
         * @param message AlarmRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AlarmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace AlarmRequest {

        /** AlarmAction enum. */
        enum AlarmAction {
            Get = 0,
            Activate = 1,
            Deactivate = 2
        }
    }

    /** Properties of an AlarmMember. */
    interface IAlarmMember {

        /** AlarmMember memberID */
        memberID?: (number|null);

        /** AlarmMember alarm */
        alarm?: (etcdserverpb.AlarmType|null);
    }

    /** Represents an AlarmMember. */
    class AlarmMember implements IAlarmMember {

        /**
         * Constructs a new AlarmMember.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAlarmMember);

        /** AlarmMember memberID. */
        public memberID: number;

        /** AlarmMember alarm. */
        public alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmMember instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmMember instance
         */
        public static create(properties?: etcdserverpb.IAlarmMember): etcdserverpb.AlarmMember;

        /**
         * Encodes the specified AlarmMember message. Does not implicitly {@link etcdserverpb.AlarmMember.verify|verify} messages.
         * @param message AlarmMember message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAlarmMember, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmMember message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AlarmMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmMember;

        /**
         * Verifies an AlarmMember message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AlarmMember message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AlarmMember
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AlarmMember;

        /**
         * Creates a plain object from an AlarmMember message. Also converts values to other types if specified.
         * @param message AlarmMember
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AlarmMember, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmMember to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AlarmResponse. */
    interface IAlarmResponse {

        /** AlarmResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AlarmResponse alarms */
        alarms?: (etcdserverpb.IAlarmMember[]|null);
    }

    /** Represents an AlarmResponse. */
    class AlarmResponse implements IAlarmResponse {

        /**
         * Constructs a new AlarmResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAlarmResponse);

        /** AlarmResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AlarmResponse alarms. */
        public alarms: etcdserverpb.IAlarmMember[];

        /**
         * Creates a new AlarmResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmResponse instance
         */
        public static create(properties?: etcdserverpb.IAlarmResponse): etcdserverpb.AlarmResponse;

        /**
         * Encodes the specified AlarmResponse message. Does not implicitly {@link etcdserverpb.AlarmResponse.verify|verify} messages.
         * @param message AlarmResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAlarmResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AlarmResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmResponse;

        /**
         * Verifies an AlarmResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AlarmResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AlarmResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AlarmResponse;

        /**
         * Creates a plain object from an AlarmResponse message. Also converts values to other types if specified.
         * @param message AlarmResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AlarmResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AlarmResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a DowngradeRequest. */
    interface IDowngradeRequest {

        /** DowngradeRequest action */
        action?: (etcdserverpb.DowngradeRequest.DowngradeAction|null);

        /** DowngradeRequest version */
        version?: (string|null);
    }

    /** Represents a DowngradeRequest. */
    class DowngradeRequest implements IDowngradeRequest {

        /**
         * Constructs a new DowngradeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IDowngradeRequest);

        /** DowngradeRequest action. */
        public action: etcdserverpb.DowngradeRequest.DowngradeAction;

        /** DowngradeRequest version. */
        public version: string;

        /**
         * Creates a new DowngradeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DowngradeRequest instance
         */
        public static create(properties?: etcdserverpb.IDowngradeRequest): etcdserverpb.DowngradeRequest;

        /**
         * Encodes the specified DowngradeRequest message. Does not implicitly {@link etcdserverpb.DowngradeRequest.verify|verify} messages.
         * @param message DowngradeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDowngradeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DowngradeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DowngradeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DowngradeRequest;

        /**
         * Verifies a DowngradeRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DowngradeRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DowngradeRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DowngradeRequest;

        /**
         * Creates a plain object from a DowngradeRequest message. Also converts values to other types if specified.
         * @param message DowngradeRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DowngradeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DowngradeRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    namespace DowngradeRequest {

        /** DowngradeAction enum. */
        enum DowngradeAction {
            Validate = 0,
            Enable = 1,
            Cancel = 2
        }
    }

    /** Properties of a DowngradeResponse. */
    interface IDowngradeResponse {

        /** DowngradeResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** DowngradeResponse version */
        version?: (string|null);
    }

    /** Represents a DowngradeResponse. */
    class DowngradeResponse implements IDowngradeResponse {

        /**
         * Constructs a new DowngradeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IDowngradeResponse);

        /** DowngradeResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** DowngradeResponse version. */
        public version: string;

        /**
         * Creates a new DowngradeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DowngradeResponse instance
         */
        public static create(properties?: etcdserverpb.IDowngradeResponse): etcdserverpb.DowngradeResponse;

        /**
         * Encodes the specified DowngradeResponse message. Does not implicitly {@link etcdserverpb.DowngradeResponse.verify|verify} messages.
         * @param message DowngradeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IDowngradeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DowngradeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns DowngradeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DowngradeResponse;

        /**
         * Verifies a DowngradeResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DowngradeResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DowngradeResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.DowngradeResponse;

        /**
         * Creates a plain object from a DowngradeResponse message. Also converts values to other types if specified.
         * @param message DowngradeResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.DowngradeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DowngradeResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a StatusRequest. */
    interface IStatusRequest {
    }

    /** Represents a StatusRequest. */
    class StatusRequest implements IStatusRequest {

        /**
         * Constructs a new StatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IStatusRequest);

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusRequest instance
         */
        public static create(properties?: etcdserverpb.IStatusRequest): etcdserverpb.StatusRequest;

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etcdserverpb.StatusRequest.verify|verify} messages.
         * @param message StatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.StatusRequest;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.StatusRequest;

        /**
         * Creates a plain object from a StatusRequest message. Also converts values to other types if specified.
         * @param message StatusRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.StatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatusRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of a StatusResponse. */
    interface IStatusResponse {

        /** StatusResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** StatusResponse version */
        version?: (string|null);

        /** StatusResponse dbSize */
        dbSize?: (number|null);

        /** StatusResponse leader */
        leader?: (number|null);

        /** StatusResponse raftIndex */
        raftIndex?: (number|null);

        /** StatusResponse raftTerm */
        raftTerm?: (number|null);

        /** StatusResponse raftAppliedIndex */
        raftAppliedIndex?: (number|null);

        /** StatusResponse errors */
        errors?: (string[]|null);

        /** StatusResponse dbSizeInUse */
        dbSizeInUse?: (number|null);

        /** StatusResponse isLearner */
        isLearner?: (boolean|null);
    }

    /** Represents a StatusResponse. */
    class StatusResponse implements IStatusResponse {

        /**
         * Constructs a new StatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IStatusResponse);

        /** StatusResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** StatusResponse version. */
        public version: string;

        /** StatusResponse dbSize. */
        public dbSize: number;

        /** StatusResponse leader. */
        public leader: number;

        /** StatusResponse raftIndex. */
        public raftIndex: number;

        /** StatusResponse raftTerm. */
        public raftTerm: number;

        /** StatusResponse raftAppliedIndex. */
        public raftAppliedIndex: number;

        /** StatusResponse errors. */
        public errors: string[];

        /** StatusResponse dbSizeInUse. */
        public dbSizeInUse: number;

        /** StatusResponse isLearner. */
        public isLearner: boolean;

        /**
         * Creates a new StatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusResponse instance
         */
        public static create(properties?: etcdserverpb.IStatusResponse): etcdserverpb.StatusResponse;

        /**
         * Encodes the specified StatusResponse message. Does not implicitly {@link etcdserverpb.StatusResponse.verify|verify} messages.
         * @param message StatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns StatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.StatusResponse;

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
        public static fromObject(object: { [k: string]: any }): etcdserverpb.StatusResponse;

        /**
         * Creates a plain object from a StatusResponse message. Also converts values to other types if specified.
         * @param message StatusResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.StatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatusResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthEnableRequest. */
    interface IAuthEnableRequest {
    }

    /** Represents an AuthEnableRequest. */
    class AuthEnableRequest implements IAuthEnableRequest {

        /**
         * Constructs a new AuthEnableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthEnableRequest);

        /**
         * Creates a new AuthEnableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthEnableRequest): etcdserverpb.AuthEnableRequest;

        /**
         * Encodes the specified AuthEnableRequest message. Does not implicitly {@link etcdserverpb.AuthEnableRequest.verify|verify} messages.
         * @param message AuthEnableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthEnableRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthEnableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthEnableRequest;

        /**
         * Verifies an AuthEnableRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthEnableRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthEnableRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthEnableRequest;

        /**
         * Creates a plain object from an AuthEnableRequest message. Also converts values to other types if specified.
         * @param message AuthEnableRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthEnableRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthEnableRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthDisableRequest. */
    interface IAuthDisableRequest {
    }

    /** Represents an AuthDisableRequest. */
    class AuthDisableRequest implements IAuthDisableRequest {

        /**
         * Constructs a new AuthDisableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthDisableRequest);

        /**
         * Creates a new AuthDisableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthDisableRequest): etcdserverpb.AuthDisableRequest;

        /**
         * Encodes the specified AuthDisableRequest message. Does not implicitly {@link etcdserverpb.AuthDisableRequest.verify|verify} messages.
         * @param message AuthDisableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthDisableRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthDisableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthDisableRequest;

        /**
         * Verifies an AuthDisableRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthDisableRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthDisableRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthDisableRequest;

        /**
         * Creates a plain object from an AuthDisableRequest message. Also converts values to other types if specified.
         * @param message AuthDisableRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthDisableRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthDisableRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthStatusRequest. */
    interface IAuthStatusRequest {
    }

    /** Represents an AuthStatusRequest. */
    class AuthStatusRequest implements IAuthStatusRequest {

        /**
         * Constructs a new AuthStatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthStatusRequest);

        /**
         * Creates a new AuthStatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthStatusRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthStatusRequest): etcdserverpb.AuthStatusRequest;

        /**
         * Encodes the specified AuthStatusRequest message. Does not implicitly {@link etcdserverpb.AuthStatusRequest.verify|verify} messages.
         * @param message AuthStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthStatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthStatusRequest;

        /**
         * Verifies an AuthStatusRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthStatusRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthStatusRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthStatusRequest;

        /**
         * Creates a plain object from an AuthStatusRequest message. Also converts values to other types if specified.
         * @param message AuthStatusRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthStatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthStatusRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthenticateRequest. */
    interface IAuthenticateRequest {

        /** AuthenticateRequest name */
        name?: (string|null);

        /** AuthenticateRequest password */
        password?: (string|null);
    }

    /** Represents an AuthenticateRequest. */
    class AuthenticateRequest implements IAuthenticateRequest {

        /**
         * Constructs a new AuthenticateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthenticateRequest);

        /** AuthenticateRequest name. */
        public name: string;

        /** AuthenticateRequest password. */
        public password: string;

        /**
         * Creates a new AuthenticateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthenticateRequest): etcdserverpb.AuthenticateRequest;

        /**
         * Encodes the specified AuthenticateRequest message. Does not implicitly {@link etcdserverpb.AuthenticateRequest.verify|verify} messages.
         * @param message AuthenticateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthenticateRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthenticateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthenticateRequest;

        /**
         * Verifies an AuthenticateRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthenticateRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthenticateRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthenticateRequest;

        /**
         * Creates a plain object from an AuthenticateRequest message. Also converts values to other types if specified.
         * @param message AuthenticateRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthenticateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthenticateRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserAddRequest. */
    interface IAuthUserAddRequest {

        /** AuthUserAddRequest name */
        name?: (string|null);

        /** AuthUserAddRequest password */
        password?: (string|null);

        /** AuthUserAddRequest options */
        options?: (authpb.IUserAddOptions|null);
    }

    /** Represents an AuthUserAddRequest. */
    class AuthUserAddRequest implements IAuthUserAddRequest {

        /**
         * Constructs a new AuthUserAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserAddRequest);

        /** AuthUserAddRequest name. */
        public name: string;

        /** AuthUserAddRequest password. */
        public password: string;

        /** AuthUserAddRequest options. */
        public options?: (authpb.IUserAddOptions|null);

        /**
         * Creates a new AuthUserAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserAddRequest): etcdserverpb.AuthUserAddRequest;

        /**
         * Encodes the specified AuthUserAddRequest message. Does not implicitly {@link etcdserverpb.AuthUserAddRequest.verify|verify} messages.
         * @param message AuthUserAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserAddRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserAddRequest;

        /**
         * Verifies an AuthUserAddRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserAddRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserAddRequest;

        /**
         * Creates a plain object from an AuthUserAddRequest message. Also converts values to other types if specified.
         * @param message AuthUserAddRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserAddRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserAddRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserGetRequest. */
    interface IAuthUserGetRequest {

        /** AuthUserGetRequest name */
        name?: (string|null);
    }

    /** Represents an AuthUserGetRequest. */
    class AuthUserGetRequest implements IAuthUserGetRequest {

        /**
         * Constructs a new AuthUserGetRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserGetRequest);

        /** AuthUserGetRequest name. */
        public name: string;

        /**
         * Creates a new AuthUserGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserGetRequest): etcdserverpb.AuthUserGetRequest;

        /**
         * Encodes the specified AuthUserGetRequest message. Does not implicitly {@link etcdserverpb.AuthUserGetRequest.verify|verify} messages.
         * @param message AuthUserGetRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserGetRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGetRequest;

        /**
         * Verifies an AuthUserGetRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserGetRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserGetRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserGetRequest;

        /**
         * Creates a plain object from an AuthUserGetRequest message. Also converts values to other types if specified.
         * @param message AuthUserGetRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserGetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGetRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserDeleteRequest. */
    interface IAuthUserDeleteRequest {

        /** AuthUserDeleteRequest name */
        name?: (string|null);
    }

    /** Represents an AuthUserDeleteRequest. */
    class AuthUserDeleteRequest implements IAuthUserDeleteRequest {

        /**
         * Constructs a new AuthUserDeleteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserDeleteRequest);

        /** AuthUserDeleteRequest name. */
        public name: string;

        /**
         * Creates a new AuthUserDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserDeleteRequest): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Encodes the specified AuthUserDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthUserDeleteRequest.verify|verify} messages.
         * @param message AuthUserDeleteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserDeleteRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Verifies an AuthUserDeleteRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserDeleteRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserDeleteRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Creates a plain object from an AuthUserDeleteRequest message. Also converts values to other types if specified.
         * @param message AuthUserDeleteRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserDeleteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserDeleteRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserChangePasswordRequest. */
    interface IAuthUserChangePasswordRequest {

        /** AuthUserChangePasswordRequest name */
        name?: (string|null);

        /** AuthUserChangePasswordRequest password */
        password?: (string|null);
    }

    /** Represents an AuthUserChangePasswordRequest. */
    class AuthUserChangePasswordRequest implements IAuthUserChangePasswordRequest {

        /**
         * Constructs a new AuthUserChangePasswordRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserChangePasswordRequest);

        /** AuthUserChangePasswordRequest name. */
        public name: string;

        /** AuthUserChangePasswordRequest password. */
        public password: string;

        /**
         * Creates a new AuthUserChangePasswordRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserChangePasswordRequest): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Encodes the specified AuthUserChangePasswordRequest message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordRequest.verify|verify} messages.
         * @param message AuthUserChangePasswordRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserChangePasswordRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserChangePasswordRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Verifies an AuthUserChangePasswordRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserChangePasswordRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserChangePasswordRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Creates a plain object from an AuthUserChangePasswordRequest message. Also converts values to other types if specified.
         * @param message AuthUserChangePasswordRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserChangePasswordRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserChangePasswordRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserGrantRoleRequest. */
    interface IAuthUserGrantRoleRequest {

        /** AuthUserGrantRoleRequest user */
        user?: (string|null);

        /** AuthUserGrantRoleRequest role */
        role?: (string|null);
    }

    /** Represents an AuthUserGrantRoleRequest. */
    class AuthUserGrantRoleRequest implements IAuthUserGrantRoleRequest {

        /**
         * Constructs a new AuthUserGrantRoleRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserGrantRoleRequest);

        /** AuthUserGrantRoleRequest user. */
        public user: string;

        /** AuthUserGrantRoleRequest role. */
        public role: string;

        /**
         * Creates a new AuthUserGrantRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserGrantRoleRequest): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Encodes the specified AuthUserGrantRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleRequest.verify|verify} messages.
         * @param message AuthUserGrantRoleRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserGrantRoleRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserGrantRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Verifies an AuthUserGrantRoleRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserGrantRoleRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserGrantRoleRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Creates a plain object from an AuthUserGrantRoleRequest message. Also converts values to other types if specified.
         * @param message AuthUserGrantRoleRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserGrantRoleRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGrantRoleRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserRevokeRoleRequest. */
    interface IAuthUserRevokeRoleRequest {

        /** AuthUserRevokeRoleRequest name */
        name?: (string|null);

        /** AuthUserRevokeRoleRequest role */
        role?: (string|null);
    }

    /** Represents an AuthUserRevokeRoleRequest. */
    class AuthUserRevokeRoleRequest implements IAuthUserRevokeRoleRequest {

        /**
         * Constructs a new AuthUserRevokeRoleRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserRevokeRoleRequest);

        /** AuthUserRevokeRoleRequest name. */
        public name: string;

        /** AuthUserRevokeRoleRequest role. */
        public role: string;

        /**
         * Creates a new AuthUserRevokeRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserRevokeRoleRequest): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Encodes the specified AuthUserRevokeRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleRequest.verify|verify} messages.
         * @param message AuthUserRevokeRoleRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserRevokeRoleRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserRevokeRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Verifies an AuthUserRevokeRoleRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserRevokeRoleRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserRevokeRoleRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Creates a plain object from an AuthUserRevokeRoleRequest message. Also converts values to other types if specified.
         * @param message AuthUserRevokeRoleRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserRevokeRoleRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserRevokeRoleRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleAddRequest. */
    interface IAuthRoleAddRequest {

        /** AuthRoleAddRequest name */
        name?: (string|null);
    }

    /** Represents an AuthRoleAddRequest. */
    class AuthRoleAddRequest implements IAuthRoleAddRequest {

        /**
         * Constructs a new AuthRoleAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleAddRequest);

        /** AuthRoleAddRequest name. */
        public name: string;

        /**
         * Creates a new AuthRoleAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleAddRequest): etcdserverpb.AuthRoleAddRequest;

        /**
         * Encodes the specified AuthRoleAddRequest message. Does not implicitly {@link etcdserverpb.AuthRoleAddRequest.verify|verify} messages.
         * @param message AuthRoleAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleAddRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleAddRequest;

        /**
         * Verifies an AuthRoleAddRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleAddRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleAddRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleAddRequest;

        /**
         * Creates a plain object from an AuthRoleAddRequest message. Also converts values to other types if specified.
         * @param message AuthRoleAddRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleAddRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleAddRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleGetRequest. */
    interface IAuthRoleGetRequest {

        /** AuthRoleGetRequest role */
        role?: (string|null);
    }

    /** Represents an AuthRoleGetRequest. */
    class AuthRoleGetRequest implements IAuthRoleGetRequest {

        /**
         * Constructs a new AuthRoleGetRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleGetRequest);

        /** AuthRoleGetRequest role. */
        public role: string;

        /**
         * Creates a new AuthRoleGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleGetRequest): etcdserverpb.AuthRoleGetRequest;

        /**
         * Encodes the specified AuthRoleGetRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGetRequest.verify|verify} messages.
         * @param message AuthRoleGetRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleGetRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGetRequest;

        /**
         * Verifies an AuthRoleGetRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleGetRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleGetRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleGetRequest;

        /**
         * Creates a plain object from an AuthRoleGetRequest message. Also converts values to other types if specified.
         * @param message AuthRoleGetRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleGetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGetRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserListRequest. */
    interface IAuthUserListRequest {
    }

    /** Represents an AuthUserListRequest. */
    class AuthUserListRequest implements IAuthUserListRequest {

        /**
         * Constructs a new AuthUserListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserListRequest);

        /**
         * Creates a new AuthUserListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthUserListRequest): etcdserverpb.AuthUserListRequest;

        /**
         * Encodes the specified AuthUserListRequest message. Does not implicitly {@link etcdserverpb.AuthUserListRequest.verify|verify} messages.
         * @param message AuthUserListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserListRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserListRequest;

        /**
         * Verifies an AuthUserListRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserListRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserListRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserListRequest;

        /**
         * Creates a plain object from an AuthUserListRequest message. Also converts values to other types if specified.
         * @param message AuthUserListRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserListRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleListRequest. */
    interface IAuthRoleListRequest {
    }

    /** Represents an AuthRoleListRequest. */
    class AuthRoleListRequest implements IAuthRoleListRequest {

        /**
         * Constructs a new AuthRoleListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleListRequest);

        /**
         * Creates a new AuthRoleListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleListRequest): etcdserverpb.AuthRoleListRequest;

        /**
         * Encodes the specified AuthRoleListRequest message. Does not implicitly {@link etcdserverpb.AuthRoleListRequest.verify|verify} messages.
         * @param message AuthRoleListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleListRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleListRequest;

        /**
         * Verifies an AuthRoleListRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleListRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleListRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleListRequest;

        /**
         * Creates a plain object from an AuthRoleListRequest message. Also converts values to other types if specified.
         * @param message AuthRoleListRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleListRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleDeleteRequest. */
    interface IAuthRoleDeleteRequest {

        /** AuthRoleDeleteRequest role */
        role?: (string|null);
    }

    /** Represents an AuthRoleDeleteRequest. */
    class AuthRoleDeleteRequest implements IAuthRoleDeleteRequest {

        /**
         * Constructs a new AuthRoleDeleteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleDeleteRequest);

        /** AuthRoleDeleteRequest role. */
        public role: string;

        /**
         * Creates a new AuthRoleDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleDeleteRequest): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Encodes the specified AuthRoleDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteRequest.verify|verify} messages.
         * @param message AuthRoleDeleteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleDeleteRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Verifies an AuthRoleDeleteRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleDeleteRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleDeleteRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Creates a plain object from an AuthRoleDeleteRequest message. Also converts values to other types if specified.
         * @param message AuthRoleDeleteRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleDeleteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleDeleteRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleGrantPermissionRequest. */
    interface IAuthRoleGrantPermissionRequest {

        /** AuthRoleGrantPermissionRequest name */
        name?: (string|null);

        /** AuthRoleGrantPermissionRequest perm */
        perm?: (authpb.IPermission|null);
    }

    /** Represents an AuthRoleGrantPermissionRequest. */
    class AuthRoleGrantPermissionRequest implements IAuthRoleGrantPermissionRequest {

        /**
         * Constructs a new AuthRoleGrantPermissionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleGrantPermissionRequest);

        /** AuthRoleGrantPermissionRequest name. */
        public name: string;

        /** AuthRoleGrantPermissionRequest perm. */
        public perm?: (authpb.IPermission|null);

        /**
         * Creates a new AuthRoleGrantPermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleGrantPermissionRequest): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Encodes the specified AuthRoleGrantPermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionRequest.verify|verify} messages.
         * @param message AuthRoleGrantPermissionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleGrantPermissionRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleGrantPermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Verifies an AuthRoleGrantPermissionRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleGrantPermissionRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleGrantPermissionRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Creates a plain object from an AuthRoleGrantPermissionRequest message. Also converts values to other types if specified.
         * @param message AuthRoleGrantPermissionRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleGrantPermissionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGrantPermissionRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleRevokePermissionRequest. */
    interface IAuthRoleRevokePermissionRequest {

        /** AuthRoleRevokePermissionRequest role */
        role?: (string|null);

        /** AuthRoleRevokePermissionRequest key */
        key?: (Uint8Array|null);

        /** AuthRoleRevokePermissionRequest rangeEnd */
        rangeEnd?: (Uint8Array|null);
    }

    /** Represents an AuthRoleRevokePermissionRequest. */
    class AuthRoleRevokePermissionRequest implements IAuthRoleRevokePermissionRequest {

        /**
         * Constructs a new AuthRoleRevokePermissionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleRevokePermissionRequest);

        /** AuthRoleRevokePermissionRequest role. */
        public role: string;

        /** AuthRoleRevokePermissionRequest key. */
        public key: Uint8Array;

        /** AuthRoleRevokePermissionRequest rangeEnd. */
        public rangeEnd: Uint8Array;

        /**
         * Creates a new AuthRoleRevokePermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionRequest instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleRevokePermissionRequest): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Encodes the specified AuthRoleRevokePermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionRequest.verify|verify} messages.
         * @param message AuthRoleRevokePermissionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleRevokePermissionRequest, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleRevokePermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Verifies an AuthRoleRevokePermissionRequest message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleRevokePermissionRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleRevokePermissionRequest
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Creates a plain object from an AuthRoleRevokePermissionRequest message. Also converts values to other types if specified.
         * @param message AuthRoleRevokePermissionRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleRevokePermissionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleRevokePermissionRequest to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthEnableResponse. */
    interface IAuthEnableResponse {

        /** AuthEnableResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthEnableResponse. */
    class AuthEnableResponse implements IAuthEnableResponse {

        /**
         * Constructs a new AuthEnableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthEnableResponse);

        /** AuthEnableResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthEnableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthEnableResponse): etcdserverpb.AuthEnableResponse;

        /**
         * Encodes the specified AuthEnableResponse message. Does not implicitly {@link etcdserverpb.AuthEnableResponse.verify|verify} messages.
         * @param message AuthEnableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthEnableResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthEnableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthEnableResponse;

        /**
         * Verifies an AuthEnableResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthEnableResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthEnableResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthEnableResponse;

        /**
         * Creates a plain object from an AuthEnableResponse message. Also converts values to other types if specified.
         * @param message AuthEnableResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthEnableResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthEnableResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthDisableResponse. */
    interface IAuthDisableResponse {

        /** AuthDisableResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthDisableResponse. */
    class AuthDisableResponse implements IAuthDisableResponse {

        /**
         * Constructs a new AuthDisableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthDisableResponse);

        /** AuthDisableResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthDisableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthDisableResponse): etcdserverpb.AuthDisableResponse;

        /**
         * Encodes the specified AuthDisableResponse message. Does not implicitly {@link etcdserverpb.AuthDisableResponse.verify|verify} messages.
         * @param message AuthDisableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthDisableResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthDisableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthDisableResponse;

        /**
         * Verifies an AuthDisableResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthDisableResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthDisableResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthDisableResponse;

        /**
         * Creates a plain object from an AuthDisableResponse message. Also converts values to other types if specified.
         * @param message AuthDisableResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthDisableResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthDisableResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthStatusResponse. */
    interface IAuthStatusResponse {

        /** AuthStatusResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthStatusResponse enabled */
        enabled?: (boolean|null);

        /** AuthStatusResponse authRevision */
        authRevision?: (number|null);
    }

    /** Represents an AuthStatusResponse. */
    class AuthStatusResponse implements IAuthStatusResponse {

        /**
         * Constructs a new AuthStatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthStatusResponse);

        /** AuthStatusResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthStatusResponse enabled. */
        public enabled: boolean;

        /** AuthStatusResponse authRevision. */
        public authRevision: number;

        /**
         * Creates a new AuthStatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthStatusResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthStatusResponse): etcdserverpb.AuthStatusResponse;

        /**
         * Encodes the specified AuthStatusResponse message. Does not implicitly {@link etcdserverpb.AuthStatusResponse.verify|verify} messages.
         * @param message AuthStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthStatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthStatusResponse;

        /**
         * Verifies an AuthStatusResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthStatusResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthStatusResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthStatusResponse;

        /**
         * Creates a plain object from an AuthStatusResponse message. Also converts values to other types if specified.
         * @param message AuthStatusResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthStatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthStatusResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthenticateResponse. */
    interface IAuthenticateResponse {

        /** AuthenticateResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthenticateResponse token */
        token?: (string|null);
    }

    /** Represents an AuthenticateResponse. */
    class AuthenticateResponse implements IAuthenticateResponse {

        /**
         * Constructs a new AuthenticateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthenticateResponse);

        /** AuthenticateResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthenticateResponse token. */
        public token: string;

        /**
         * Creates a new AuthenticateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthenticateResponse): etcdserverpb.AuthenticateResponse;

        /**
         * Encodes the specified AuthenticateResponse message. Does not implicitly {@link etcdserverpb.AuthenticateResponse.verify|verify} messages.
         * @param message AuthenticateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthenticateResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthenticateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthenticateResponse;

        /**
         * Verifies an AuthenticateResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthenticateResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthenticateResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthenticateResponse;

        /**
         * Creates a plain object from an AuthenticateResponse message. Also converts values to other types if specified.
         * @param message AuthenticateResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthenticateResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthenticateResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserAddResponse. */
    interface IAuthUserAddResponse {

        /** AuthUserAddResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthUserAddResponse. */
    class AuthUserAddResponse implements IAuthUserAddResponse {

        /**
         * Constructs a new AuthUserAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserAddResponse);

        /** AuthUserAddResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthUserAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserAddResponse): etcdserverpb.AuthUserAddResponse;

        /**
         * Encodes the specified AuthUserAddResponse message. Does not implicitly {@link etcdserverpb.AuthUserAddResponse.verify|verify} messages.
         * @param message AuthUserAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserAddResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserAddResponse;

        /**
         * Verifies an AuthUserAddResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserAddResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserAddResponse;

        /**
         * Creates a plain object from an AuthUserAddResponse message. Also converts values to other types if specified.
         * @param message AuthUserAddResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserAddResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserAddResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserGetResponse. */
    interface IAuthUserGetResponse {

        /** AuthUserGetResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthUserGetResponse roles */
        roles?: (string[]|null);
    }

    /** Represents an AuthUserGetResponse. */
    class AuthUserGetResponse implements IAuthUserGetResponse {

        /**
         * Constructs a new AuthUserGetResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserGetResponse);

        /** AuthUserGetResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthUserGetResponse roles. */
        public roles: string[];

        /**
         * Creates a new AuthUserGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserGetResponse): etcdserverpb.AuthUserGetResponse;

        /**
         * Encodes the specified AuthUserGetResponse message. Does not implicitly {@link etcdserverpb.AuthUserGetResponse.verify|verify} messages.
         * @param message AuthUserGetResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserGetResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGetResponse;

        /**
         * Verifies an AuthUserGetResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserGetResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserGetResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserGetResponse;

        /**
         * Creates a plain object from an AuthUserGetResponse message. Also converts values to other types if specified.
         * @param message AuthUserGetResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserGetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGetResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserDeleteResponse. */
    interface IAuthUserDeleteResponse {

        /** AuthUserDeleteResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthUserDeleteResponse. */
    class AuthUserDeleteResponse implements IAuthUserDeleteResponse {

        /**
         * Constructs a new AuthUserDeleteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserDeleteResponse);

        /** AuthUserDeleteResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthUserDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserDeleteResponse): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Encodes the specified AuthUserDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthUserDeleteResponse.verify|verify} messages.
         * @param message AuthUserDeleteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserDeleteResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Verifies an AuthUserDeleteResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserDeleteResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserDeleteResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Creates a plain object from an AuthUserDeleteResponse message. Also converts values to other types if specified.
         * @param message AuthUserDeleteResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserDeleteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserDeleteResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserChangePasswordResponse. */
    interface IAuthUserChangePasswordResponse {

        /** AuthUserChangePasswordResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthUserChangePasswordResponse. */
    class AuthUserChangePasswordResponse implements IAuthUserChangePasswordResponse {

        /**
         * Constructs a new AuthUserChangePasswordResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserChangePasswordResponse);

        /** AuthUserChangePasswordResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthUserChangePasswordResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserChangePasswordResponse): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Encodes the specified AuthUserChangePasswordResponse message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordResponse.verify|verify} messages.
         * @param message AuthUserChangePasswordResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserChangePasswordResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserChangePasswordResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Verifies an AuthUserChangePasswordResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserChangePasswordResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserChangePasswordResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Creates a plain object from an AuthUserChangePasswordResponse message. Also converts values to other types if specified.
         * @param message AuthUserChangePasswordResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserChangePasswordResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserChangePasswordResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserGrantRoleResponse. */
    interface IAuthUserGrantRoleResponse {

        /** AuthUserGrantRoleResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthUserGrantRoleResponse. */
    class AuthUserGrantRoleResponse implements IAuthUserGrantRoleResponse {

        /**
         * Constructs a new AuthUserGrantRoleResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserGrantRoleResponse);

        /** AuthUserGrantRoleResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthUserGrantRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserGrantRoleResponse): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Encodes the specified AuthUserGrantRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleResponse.verify|verify} messages.
         * @param message AuthUserGrantRoleResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserGrantRoleResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserGrantRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Verifies an AuthUserGrantRoleResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserGrantRoleResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserGrantRoleResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Creates a plain object from an AuthUserGrantRoleResponse message. Also converts values to other types if specified.
         * @param message AuthUserGrantRoleResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserGrantRoleResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserGrantRoleResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserRevokeRoleResponse. */
    interface IAuthUserRevokeRoleResponse {

        /** AuthUserRevokeRoleResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthUserRevokeRoleResponse. */
    class AuthUserRevokeRoleResponse implements IAuthUserRevokeRoleResponse {

        /**
         * Constructs a new AuthUserRevokeRoleResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserRevokeRoleResponse);

        /** AuthUserRevokeRoleResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthUserRevokeRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserRevokeRoleResponse): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Encodes the specified AuthUserRevokeRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleResponse.verify|verify} messages.
         * @param message AuthUserRevokeRoleResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserRevokeRoleResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserRevokeRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Verifies an AuthUserRevokeRoleResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserRevokeRoleResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserRevokeRoleResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Creates a plain object from an AuthUserRevokeRoleResponse message. Also converts values to other types if specified.
         * @param message AuthUserRevokeRoleResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserRevokeRoleResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserRevokeRoleResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleAddResponse. */
    interface IAuthRoleAddResponse {

        /** AuthRoleAddResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthRoleAddResponse. */
    class AuthRoleAddResponse implements IAuthRoleAddResponse {

        /**
         * Constructs a new AuthRoleAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleAddResponse);

        /** AuthRoleAddResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthRoleAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleAddResponse): etcdserverpb.AuthRoleAddResponse;

        /**
         * Encodes the specified AuthRoleAddResponse message. Does not implicitly {@link etcdserverpb.AuthRoleAddResponse.verify|verify} messages.
         * @param message AuthRoleAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleAddResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleAddResponse;

        /**
         * Verifies an AuthRoleAddResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleAddResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleAddResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleAddResponse;

        /**
         * Creates a plain object from an AuthRoleAddResponse message. Also converts values to other types if specified.
         * @param message AuthRoleAddResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleAddResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleAddResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleGetResponse. */
    interface IAuthRoleGetResponse {

        /** AuthRoleGetResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthRoleGetResponse perm */
        perm?: (authpb.IPermission[]|null);
    }

    /** Represents an AuthRoleGetResponse. */
    class AuthRoleGetResponse implements IAuthRoleGetResponse {

        /**
         * Constructs a new AuthRoleGetResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleGetResponse);

        /** AuthRoleGetResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthRoleGetResponse perm. */
        public perm: authpb.IPermission[];

        /**
         * Creates a new AuthRoleGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleGetResponse): etcdserverpb.AuthRoleGetResponse;

        /**
         * Encodes the specified AuthRoleGetResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGetResponse.verify|verify} messages.
         * @param message AuthRoleGetResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleGetResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGetResponse;

        /**
         * Verifies an AuthRoleGetResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleGetResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleGetResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleGetResponse;

        /**
         * Creates a plain object from an AuthRoleGetResponse message. Also converts values to other types if specified.
         * @param message AuthRoleGetResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleGetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGetResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleListResponse. */
    interface IAuthRoleListResponse {

        /** AuthRoleListResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthRoleListResponse roles */
        roles?: (string[]|null);
    }

    /** Represents an AuthRoleListResponse. */
    class AuthRoleListResponse implements IAuthRoleListResponse {

        /**
         * Constructs a new AuthRoleListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleListResponse);

        /** AuthRoleListResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthRoleListResponse roles. */
        public roles: string[];

        /**
         * Creates a new AuthRoleListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleListResponse): etcdserverpb.AuthRoleListResponse;

        /**
         * Encodes the specified AuthRoleListResponse message. Does not implicitly {@link etcdserverpb.AuthRoleListResponse.verify|verify} messages.
         * @param message AuthRoleListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleListResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleListResponse;

        /**
         * Verifies an AuthRoleListResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleListResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleListResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleListResponse;

        /**
         * Creates a plain object from an AuthRoleListResponse message. Also converts values to other types if specified.
         * @param message AuthRoleListResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleListResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthUserListResponse. */
    interface IAuthUserListResponse {

        /** AuthUserListResponse header */
        header?: (etcdserverpb.IResponseHeader|null);

        /** AuthUserListResponse users */
        users?: (string[]|null);
    }

    /** Represents an AuthUserListResponse. */
    class AuthUserListResponse implements IAuthUserListResponse {

        /**
         * Constructs a new AuthUserListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthUserListResponse);

        /** AuthUserListResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /** AuthUserListResponse users. */
        public users: string[];

        /**
         * Creates a new AuthUserListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthUserListResponse): etcdserverpb.AuthUserListResponse;

        /**
         * Encodes the specified AuthUserListResponse message. Does not implicitly {@link etcdserverpb.AuthUserListResponse.verify|verify} messages.
         * @param message AuthUserListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthUserListResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthUserListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserListResponse;

        /**
         * Verifies an AuthUserListResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthUserListResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthUserListResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthUserListResponse;

        /**
         * Creates a plain object from an AuthUserListResponse message. Also converts values to other types if specified.
         * @param message AuthUserListResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthUserListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthUserListResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleDeleteResponse. */
    interface IAuthRoleDeleteResponse {

        /** AuthRoleDeleteResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthRoleDeleteResponse. */
    class AuthRoleDeleteResponse implements IAuthRoleDeleteResponse {

        /**
         * Constructs a new AuthRoleDeleteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleDeleteResponse);

        /** AuthRoleDeleteResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthRoleDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleDeleteResponse): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Encodes the specified AuthRoleDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteResponse.verify|verify} messages.
         * @param message AuthRoleDeleteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleDeleteResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Verifies an AuthRoleDeleteResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleDeleteResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleDeleteResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Creates a plain object from an AuthRoleDeleteResponse message. Also converts values to other types if specified.
         * @param message AuthRoleDeleteResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleDeleteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleDeleteResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleGrantPermissionResponse. */
    interface IAuthRoleGrantPermissionResponse {

        /** AuthRoleGrantPermissionResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthRoleGrantPermissionResponse. */
    class AuthRoleGrantPermissionResponse implements IAuthRoleGrantPermissionResponse {

        /**
         * Constructs a new AuthRoleGrantPermissionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleGrantPermissionResponse);

        /** AuthRoleGrantPermissionResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthRoleGrantPermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleGrantPermissionResponse): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Encodes the specified AuthRoleGrantPermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionResponse.verify|verify} messages.
         * @param message AuthRoleGrantPermissionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleGrantPermissionResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleGrantPermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Verifies an AuthRoleGrantPermissionResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleGrantPermissionResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleGrantPermissionResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Creates a plain object from an AuthRoleGrantPermissionResponse message. Also converts values to other types if specified.
         * @param message AuthRoleGrantPermissionResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleGrantPermissionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleGrantPermissionResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }

    /** Properties of an AuthRoleRevokePermissionResponse. */
    interface IAuthRoleRevokePermissionResponse {

        /** AuthRoleRevokePermissionResponse header */
        header?: (etcdserverpb.IResponseHeader|null);
    }

    /** Represents an AuthRoleRevokePermissionResponse. */
    class AuthRoleRevokePermissionResponse implements IAuthRoleRevokePermissionResponse {

        /**
         * Constructs a new AuthRoleRevokePermissionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.IAuthRoleRevokePermissionResponse);

        /** AuthRoleRevokePermissionResponse header. */
        public header?: (etcdserverpb.IResponseHeader|null);

        /**
         * Creates a new AuthRoleRevokePermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionResponse instance
         */
        public static create(properties?: etcdserverpb.IAuthRoleRevokePermissionResponse): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Encodes the specified AuthRoleRevokePermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionResponse.verify|verify} messages.
         * @param message AuthRoleRevokePermissionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        public static encode(message: etcdserverpb.IAuthRoleRevokePermissionResponse, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns AuthRoleRevokePermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Verifies an AuthRoleRevokePermissionResponse message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        public static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an AuthRoleRevokePermissionResponse message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AuthRoleRevokePermissionResponse
         */
        public static fromObject(object: { [k: string]: any }): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Creates a plain object from an AuthRoleRevokePermissionResponse message. Also converts values to other types if specified.
         * @param message AuthRoleRevokePermissionResponse
         * @param [options] Conversion options
         * @returns Plain object
         */
        public static toObject(message: etcdserverpb.AuthRoleRevokePermissionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AuthRoleRevokePermissionResponse to JSON.
         * @returns JSON object
         */
        public toJSON(): { [k: string]: any };
    }
}
