package msg

// message reads the message in storage s (the file's root, or an embedded message).
func (rd *reader) message(s *storage, headerLen, depth int) (*Message, error) {
	if depth > MaxDepth {
		return nil, formatError("het Outlook-bericht is dieper genest dan %d niveaus", MaxDepth)
	}
	pf, ok := s.streams[propsStream]
	if !ok {
		return nil, formatError("het Outlook-bericht mist zijn eigenschappen (__properties_version1.0)")
	}
	props, err := rd.read(pf)
	if err != nil {
		return nil, err
	}
	fixed := fixedProps(props, headerLen)
	m := &Message{}
	cp := codepage(fixed, pidMessageCodepage, pidInternetCodepage)
	if m.Subject, err = rd.str(s, pidSubject, cp); err != nil {
		return nil, err
	}
	if m.MessageID, err = rd.str(s, pidInternetMessageID, cp); err != nil {
		return nil, err
	}
	if m.Headers, err = rd.str(s, pidTransportHeaders, cp); err != nil {
		return nil, err
	}
	if m.Body, err = rd.text(s, pidBody, codepage(fixed, pidInternetCodepage, pidMessageCodepage)); err != nil {
		return nil, err
	}
	for _, a := range s.attachments() {
		m.Attachments = append(m.Attachments, rd.attachment(a, cp, depth))
	}
	return m, nil
}

// codepage returns the first of two code page properties that is set.
func codepage(fixed map[uint16]uint32, first, second uint16) int {
	if cp, ok := fixed[first]; ok && cp != 0 {
		return int(cp)
	}
	return int(fixed[second])
}

// attachment reads one attachment storage; what goes wrong is kept in its Err.
func (rd *reader) attachment(s *storage, cp, depth int) Attachment {
	var a Attachment
	var err error
	if a.Name, err = rd.str(s, pidAttachLongName, cp); err != nil {
		return Attachment{Err: err}
	}
	if a.Name == "" {
		if a.Name, err = rd.str(s, pidAttachFilename, cp); err != nil {
			return Attachment{Err: err}
		}
	}
	if a.MimeTag, err = rd.str(s, pidAttachMimeTag, cp); err != nil {
		return Attachment{Name: a.Name, Err: err}
	}
	if sub, ok := s.subs[streamName(pidAttachData, typeObject)]; ok {
		a.Embedded, a.Err = rd.message(sub, headerEmbedded, depth+1)
		return a
	}
	if f, ok := s.streams[streamName(pidAttachData, typeBinary)]; ok {
		a.Data, a.Err = rd.read(f)
	}
	return a
}

// str reads a string property (001F or 001E) and decodes it; "" when absent.
func (rd *reader) str(s *storage, id uint16, cp int) (string, error) {
	t, err := rd.text(s, id, cp)
	return t.String(), err
}

// text reads a string property as stored, preferring UTF-16 (001F) over 8-bit (001E).
func (rd *reader) text(s *storage, id uint16, cp int) (Text, error) {
	if f, ok := s.streams[streamName(id, typeUnicode)]; ok {
		data, err := rd.read(f)
		return Text{Data: data, Unicode: true}, err
	}
	if f, ok := s.streams[streamName(id, typeString8)]; ok {
		data, err := rd.read(f)
		return Text{Data: data, Codepage: cp}, err
	}
	return Text{}, nil
}
